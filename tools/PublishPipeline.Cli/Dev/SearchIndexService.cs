using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Cli.Dev;

/// <summary>The local stand-in for the IndexSiteSearch timer function: asks the same job every few seconds whether search is due.</summary>
internal sealed class SearchIndexService(IServiceScopeFactory scopes, ILogger<SearchIndexService> logger)
    : TimerStandIn(scopes, logger, Interval, "Search indexing")
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SearchIndexJob>().RunAsync(force: false, cancellationToken);
}
