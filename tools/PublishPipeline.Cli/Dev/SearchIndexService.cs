using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Cli.Dev;

/// <summary>The local stand-in for the IndexSiteSearch timer function: asks the same job every few seconds whether search is due.</summary>
internal sealed class SearchIndexService(IServiceScopeFactory scopes, ILogger<SearchIndexService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<SearchIndexJob>().RunAsync(force: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed run is retried at the next tick, as the timer function would be.
                logger.LogError(e, "Search indexing failed");
            }
        }
    }
}
