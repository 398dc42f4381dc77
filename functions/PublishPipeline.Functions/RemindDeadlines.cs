using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>
/// Daily (app setting DeadlineSchedule, in UTC: "0 0 1 * * *" is 09:00 Beijing time): deadline reminders to agencies
/// that have not submitted, and each reviewer's digest of the reports awaiting them.
/// </summary>
public sealed class RemindDeadlines(IServiceProvider services)
{
    [Function(PipelineFunctions.RemindDeadlines)]
    public Task RunAsync([TimerTrigger(PipelineFunctions.DeadlineSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        PipelineFunctions.Timer(PipelineFunctions.RemindDeadlines).InvokeAsync(services, cancellationToken);
}
