using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Pipeline.Outbox;

namespace PublishPipeline.Functions;

/// <summary>
/// Every minute or so (the app setting OutboxSchedule), sends the messages a crash left in a report's outbox after
/// their state change committed (they are normally sent right after the commit, so this finds nothing).
/// </summary>
public sealed class DispatchOutbox(OutboxDispatcher outbox)
{
    [Function(nameof(DispatchOutbox))]
    public Task RunAsync([TimerTrigger("%OutboxSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        outbox.SweepAsync(OutboxDispatcher.SweepGrace, cancellationToken);
}
