using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Hosting;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions;

/// <summary>Publishes an approved submission to the static site.</summary>
public sealed class PublishReport(IServiceProvider services)
{
    [Function(PipelineFunctions.PublishReport)]
    public Task RunAsync(
        [QueueTrigger(StorageNames.PublishQueue, Connection = StorageNames.ConnectionSetting)] string message,
        CancellationToken cancellationToken) =>
        PipelineFunctions.Queue(PipelineFunctions.PublishReport).InvokeAsync(services, message, cancellationToken);
}
