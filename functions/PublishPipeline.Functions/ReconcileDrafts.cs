using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>
/// Every few minutes, ingests drafts whose blob event never arrived and asks again for publications a dead host left
/// unfinished (the schedule is the app setting ReconcileSchedule).
/// </summary>
public sealed class ReconcileDrafts(IServiceProvider services)
{
    [Function(PipelineFunctions.ReconcileDrafts)]
    public Task RunAsync([TimerTrigger(PipelineFunctions.ReconcileSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        PipelineFunctions.Timer(PipelineFunctions.ReconcileDrafts).InvokeAsync(services, cancellationToken);
}
