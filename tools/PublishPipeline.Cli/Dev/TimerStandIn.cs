using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// The local stand-in for a timer function (the WebJobs timer extension served here does not load with these storage
/// packages): runs the same job in a fresh scope every <paramref name="interval"/>; a failed run is retried at the next
/// tick, as the timer function would be.
/// </summary>
internal abstract class TimerStandIn(IServiceScopeFactory scopes, ILogger logger, TimeSpan interval, string jobName) : BackgroundService
{
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await RunAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Job} failed", jobName);
            }
        }
    }
}
