using Microsoft.Extensions.Logging;
using PublishPipeline.Notices;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline.Outbox;

/// <summary>
/// Sends the messages of a report's outbox to their queues, in the order of the changes that caused them, and marks
/// each dispatched. A dispatcher leases a message before sending it, so two dispatchers (the one right after the
/// commit and the sweeper) do not both send it; one that dies mid-way lets the lease run out and the sweeper sends
/// the message. A crash after the send and before the mark sends it once more: every consumer is idempotent (a
/// notice is recorded per version and kind, a publication finds the version already published).
/// </summary>
public sealed class OutboxDispatcher(SubmissionStore submissions, MessageQueue queue, TimeProvider clock, PipelineMetrics metrics, ILogger<OutboxDispatcher> logger)
{
    /// <summary>How long a dispatcher may take to put one message on its queue before another may try.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>The sweeper leaves a message this long to the dispatch right after its commit.</summary>
    public static readonly TimeSpan SweepGrace = TimeSpan.FromSeconds(30);

    /// <summary>Sends every pending message of one report; returns how many this call put on a queue.</summary>
    public async Task<int> DispatchAsync(ReportKey report, CancellationToken cancellationToken = default) =>
        await DispatchAsync(await submissions.ListPendingOutboxAsync(report, cancellationToken), cancellationToken);

    /// <summary>
    /// The sweeper: sends the messages left pending across all reports (created more than <paramref name="grace"/>
    /// ago, so the dispatch right after a commit is not raced); returns how many it sent.
    /// </summary>
    public async Task<int> SweepAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        var pending = await submissions.ListPendingOutboxAsync(clock.GetUtcNow() - grace, cancellationToken);
        var sent = 0;
        foreach (var report in pending.GroupBy(m => m.PartitionKey, StringComparer.Ordinal))
        {
            logger.LogWarning("Outbox of {Report}: {Count} message(s) left pending after their change was committed; sending them now", report.Key, report.Count());
            try
            {
                sent += await DispatchAsync(report.ToList(), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One report's outbox that cannot be sent must not hold up the others; the next sweep tries again.
                logger.LogError(e, "Outbox of {Report} could not be sent", report.Key);
            }
        }

        return sent;
    }

    private async Task<int> DispatchAsync(IReadOnlyList<OutboxMessage> pending, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var message in pending.OrderBy(m => m.RowKey, StringComparer.Ordinal))
        {
            var now = clock.GetUtcNow();
            if (message.LeaseUntil > now)
            {
                continue;
            }

            message.LeaseUntil = now + Lease;
            message.Attempts++;
            if (!await submissions.TryUpdateOutboxAsync(message, cancellationToken))
            {
                // Another dispatcher has it (or marked it dispatched since it was read).
                continue;
            }

            await SendAsync(message, cancellationToken);
            message.Pending = false;
            message.DispatchedAt = clock.GetUtcNow();
            message.LeaseUntil = null;
            await submissions.TryUpdateOutboxAsync(message, cancellationToken);
            metrics.OutboxDispatched(message.Kind);
            logger.LogInformation("Outbox: {Message} for {Submission} (change {Sequence}) sent", message.Message, message.SubmissionId, message.Sequence);
            sent++;
        }

        return sent;
    }

    private Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var id = message.SubmissionId;
        return message.Kind switch
        {
            LifecycleMessage.Publish => queue.SendPublishAsync(
                new PublishMessage(id), message.NotBefore is { } at ? at - clock.GetUtcNow() : TimeSpan.Zero, cancellationToken),
            LifecycleMessage.Unpublish => queue.SendPublishAsync(new PublishMessage(id, PublishAction.Unpublish), cancellationToken),
            _ => queue.SendNoticeAsync(NoticeFor(message), cancellationToken),
        };
    }

    /// <summary>The notify stage's message for an outbox notice (it names the change, so notices go out in the order of the audit trail).</summary>
    public static NoticeMessage NoticeFor(OutboxMessage message) => message.Kind switch
    {
        LifecycleMessage.ValidationRejected => new NoticeMessage(message.SubmissionId, NoticeKind.ValidationResult, ValidationOutcome.Rejected, Sequence: message.Sequence),
        LifecycleMessage.ValidationNeedsChanges => new NoticeMessage(message.SubmissionId, NoticeKind.ValidationResult, ValidationOutcome.NeedsChanges, Sequence: message.Sequence),
        LifecycleMessage.ValidationAccepted => new NoticeMessage(message.SubmissionId, NoticeKind.ValidationResult, ValidationOutcome.Accepted, Sequence: message.Sequence),
        _ => new NoticeMessage(message.SubmissionId, NoticeKindOf(message.Kind) ?? throw new InvalidOperationException($"{message.Message} is not an email"), Sequence: message.Sequence),
    };

    /// <summary>The email a lifecycle message is, or null when it goes to the publish stage.</summary>
    public static string? NoticeKindOf(LifecycleMessage message) => message switch
    {
        LifecycleMessage.ValidationRejected or LifecycleMessage.ValidationNeedsChanges or LifecycleMessage.ValidationAccepted => NoticeKind.ValidationResult,
        LifecycleMessage.ReviewRequest => NoticeKind.ReviewRequest,
        LifecycleMessage.Approved => NoticeKind.Approved,
        LifecycleMessage.Returned => NoticeKind.Returned,
        LifecycleMessage.Withdrawn => NoticeKind.Withdrawn,
        LifecycleMessage.Published => NoticeKind.Published,
        _ => null,
    };
}
