using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Cli.Dev;

/// <summary>The local stand-in for the ReconcileDrafts timer function: runs the same sweeper every few seconds.</summary>
internal sealed class DraftSweepService(IServiceScopeFactory scopes, ILogger<DraftSweepService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<DraftSweeper>().SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed sweep is retried at the next tick, as the timer function would be.
                logger.LogError(e, "Draft sweep failed");
            }
        }
    }
}
