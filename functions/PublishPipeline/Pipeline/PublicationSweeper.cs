using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The safety net under the publish queue: finds approved versions whose publication is due and has not finished
/// within the grace period, and asks for it again. A host that dies while publishing leaves its message invisible
/// for as long as the queue's lease on it (ten minutes in the Functions host); this brings the publication back
/// within a sweep. Publishing is idempotent (the version is published once, the site writer is safe under
/// concurrent writers), so a message that was merely slow costs one redundant delivery, no second page or email.
/// A publication that keeps failing still ends in the poison queue, which records it Failed: the sweep then
/// leaves it alone.
/// </summary>
public sealed class PublicationSweeper(SubmissionStore submissions, MessageQueue queue, TimeProvider clock, IOptions<PipelineOptions> options, ILogger<PublicationSweeper> logger)
{
    private DateTimeOffset lastSweep = DateTimeOffset.MinValue;

    /// <summary>
    /// Asks again for every overdue publication; returns the ids of the versions it asked for. It lists the Approved
    /// versions (a filter over the whole submissions table), so it does so at most twice per grace period however
    /// often the reconcile timer runs (every 5 s locally): a publication is asked for again between one and one and a
    /// half grace periods after it was due.
    /// </summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (now - lastSweep < options.Value.PublishGrace / 2)
        {
            return [];
        }

        lastSweep = now;
        var overdue = now - options.Value.PublishGrace;
        var asked = new List<string>();
        foreach (var submission in await submissions.ListInStateAsync(SubmissionState.Approved, cancellationToken))
        {
            // Due since the approval (or its scheduled time), and not published within the grace period.
            var due = Later(submission.UpdatedAt, submission.PublishAt);
            if (due > overdue)
            {
                continue;
            }

            logger.LogWarning(
                "Submission {Submission} was due for publication at {Due} and is still Approved (its publishing host died, or its message was lost): publishing it again",
                submission.Id,
                due);
            await queue.SendPublishAsync(new PublishMessage(submission.Id), cancellationToken);
            asked.Add(submission.Id);
        }

        return asked;
    }

    private static DateTimeOffset Later(DateTimeOffset updated, DateTimeOffset? scheduled) =>
        scheduled is { } at && at > updated ? at : updated;
}
