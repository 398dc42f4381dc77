using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Hosting;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions;

/// <summary>The site queue: a rebuild's per-agency messages (fanned out over the scale-out) and on-demand search indexing.</summary>
public sealed class RebuildSite(IServiceProvider services)
{
    [Function(PipelineFunctions.RebuildSite)]
    public Task RunAsync(
        [QueueTrigger(StorageNames.SiteQueue, Connection = StorageNames.ConnectionSetting)] string message,
        CancellationToken cancellationToken) =>
        PipelineFunctions.Queue(PipelineFunctions.RebuildSite).InvokeAsync(services, message, cancellationToken);
}
