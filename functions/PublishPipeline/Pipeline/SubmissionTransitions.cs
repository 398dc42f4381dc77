using Microsoft.Extensions.Logging;
using PublishPipeline.Pipeline.Outbox;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// How every stage and every reviewer's action changes a version: along one row of the <see cref="Lifecycle"/>, with
/// its audit entry and the messages it causes committed together (<see cref="SubmissionStore.TransitionAsync"/>), and
/// only then sent. A failed send does not undo or fail the change: the messages stay in the report's outbox and the
/// sweeper sends them.
/// </summary>
public sealed class SubmissionTransitions(SubmissionStore submissions, OutboxDispatcher outbox, ILogger<SubmissionTransitions> logger)
{
    public async Task<TransitionResult> MoveAsync(
        string id,
        LifecycleTrigger trigger,
        string actor,
        string reason,
        Action<Submission>? update = null,
        SubmissionState? expected = null,
        CancellationToken cancellationToken = default)
    {
        var result = await submissions.TransitionAsync(id, trigger, actor, reason, update, expected, cancellationToken);
        if (result.Updated is { } updated)
        {
            logger.LogInformation("{Submission}: {Trigger} by {Actor}, now {State}", updated.Id, trigger, actor, updated.State);
            if (result.Step is { Messages.Count: 0 })
            {
                // The row sends nothing (the versions it superseded send nothing either): no outbox to read.
                return result;
            }

            try
            {
                await outbox.DispatchAsync(updated.Report, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "{Submission}: the messages of {Trigger} are committed but not sent yet; the outbox sweeper will send them", updated.Id, trigger);
            }
        }

        return result;
    }
}
