using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>
/// Every minute or so (the app setting OutboxSchedule), sends the messages a crash left in a report's outbox after
/// their state change committed (they are normally sent right after the commit, so this finds nothing).
/// </summary>
public sealed class DispatchOutbox(IServiceProvider services)
{
    [Function(PipelineFunctions.DispatchOutbox)]
    public Task RunAsync([TimerTrigger(PipelineFunctions.OutboxSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        PipelineFunctions.Timer(PipelineFunctions.DispatchOutbox).InvokeAsync(services, cancellationToken);
}
