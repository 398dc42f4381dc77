using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Functions;

/// <summary>Every few minutes, ingests drafts whose blob event never arrived (the schedule is the app setting ReconcileSchedule).</summary>
public sealed class ReconcileDrafts(DraftSweeper sweeper)
{
    [Function(nameof(ReconcileDrafts))]
    public Task RunAsync([TimerTrigger("%ReconcileSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
