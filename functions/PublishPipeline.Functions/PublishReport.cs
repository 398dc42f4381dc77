using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions;

/// <summary>Publishes an approved submission to the static site.</summary>
public sealed class PublishReport(PublishHandler handler)
{
    [Function(nameof(PublishReport))]
    public Task RunAsync(
        [QueueTrigger(StorageNames.PublishQueue, Connection = StorageNames.ConnectionSetting)] string message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(MessageQueue.Parse<PublishMessage>(message), cancellationToken);
}
