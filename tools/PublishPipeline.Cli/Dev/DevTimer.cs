using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;
using PublishPipeline.Hosting;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// A timer function of the catalogue, run locally on the schedule its app setting gives (the WebJobs timer extension
/// does not load with these storage packages): the same NCRONTAB expression (six fields, UTC) the Functions host
/// reads. Each run gets a fresh scope; a failed run is logged and the next occurrence runs again, as in Azure.
/// </summary>
internal sealed class DevTimer(TimerFunction function, string schedule, IServiceScopeFactory scopes, ILogger<DevTimer> logger, TimeProvider time)
{
    private readonly CrontabSchedule cron = CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    public TimerFunction Function { get; } = function;

    /// <summary>The app setting the schedule was read from.</summary>
    public string Setting => Function.ScheduleSetting;

    /// <summary>The expression this timer runs on, as read from the function's schedule setting.</summary>
    public string Schedule { get; } = schedule;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            await Task.Delay(cron.GetNextOccurrence(now) - now, time, stoppingToken);
            try
            {
                using var scope = scopes.CreateScope();
                await Function.InvokeAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Function} failed", Function.Name);
            }
        }
    }
}

/// <summary>Runs every <see cref="DevTimer"/> of the dev host until it stops.</summary>
internal sealed class DevTimerService(IEnumerable<DevTimer> timers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(timers.Select(t => t.RunAsync(stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
