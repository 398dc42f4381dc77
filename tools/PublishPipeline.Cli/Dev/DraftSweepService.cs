using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Cli.Dev;

/// <summary>The local stand-in for the ReconcileDrafts timer function: runs the same sweeper every few seconds.</summary>
internal sealed class DraftSweepService(IServiceScopeFactory scopes, ILogger<DraftSweepService> logger)
    : TimerStandIn(scopes, logger, Interval, "Draft sweep")
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DraftSweeper>().SweepAsync(cancellationToken);
}
