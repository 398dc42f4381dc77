using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions;

/// <summary>The site queue: a rebuild's per-agency messages (fanned out over the scale-out) and on-demand search indexing.</summary>
public sealed class RebuildSite(SiteHandler handler)
{
    [Function(nameof(RebuildSite))]
    public Task RunAsync(
        [QueueTrigger(StorageNames.SiteQueue, Connection = StorageNames.ConnectionSetting)] string message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(MessageQueue.Parse<SiteMessage>(message), cancellationToken);
}
