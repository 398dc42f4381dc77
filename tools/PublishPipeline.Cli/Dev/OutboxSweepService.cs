using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublishPipeline.Pipeline.Outbox;

namespace PublishPipeline.Cli.Dev;

/// <summary>The local stand-in for the DispatchOutbox timer function: sends what a crash left in the outboxes.</summary>
internal sealed class OutboxSweepService(IServiceScopeFactory scopes, ILogger<OutboxSweepService> logger)
    : TimerStandIn(scopes, logger, Interval, "Outbox sweep")
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<OutboxDispatcher>().SweepAsync(OutboxDispatcher.SweepGrace, cancellationToken);
}
