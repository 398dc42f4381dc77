using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Pipeline.Deadlines;

namespace PublishPipeline.Functions;

/// <summary>
/// Daily (app setting DeadlineSchedule, in UTC: "0 0 1 * * *" is 09:00 Beijing time): deadline reminders to agencies
/// that have not submitted, and each reviewer's digest of the reports awaiting them.
/// </summary>
public sealed class RemindDeadlines(DeadlineHandler handler)
{
    [Function(nameof(RemindDeadlines))]
    public Task RunAsync([TimerTrigger("%DeadlineSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.RunAsync(cancellationToken: cancellationToken);
}
