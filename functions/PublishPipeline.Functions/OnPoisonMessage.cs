using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Hosting;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions;

/// <summary>
/// Messages that failed on every delivery: the version is marked Failed and an operator alert recorded
/// (<see cref="Pipeline.PoisonHandler"/>). The poison queues keep the messages themselves.
/// </summary>
public sealed class OnPoisonMessage(IServiceProvider services)
{
    [Function(PipelineFunctions.OnPublishPoison)]
    public Task PublishAsync(
        [QueueTrigger(StorageNames.PublishPoisonQueue, Connection = StorageNames.ConnectionSetting)] string message,
        CancellationToken cancellationToken) =>
        PipelineFunctions.Queue(PipelineFunctions.OnPublishPoison).InvokeAsync(services, message, cancellationToken);

    [Function(PipelineFunctions.OnNoticePoison)]
    public Task NoticeAsync(
        [QueueTrigger(StorageNames.NoticesPoisonQueue, Connection = StorageNames.ConnectionSetting)] string message,
        CancellationToken cancellationToken) =>
        PipelineFunctions.Queue(PipelineFunctions.OnNoticePoison).InvokeAsync(services, message, cancellationToken);

    [Function(PipelineFunctions.OnIngestPoison)]
    public Task IngestAsync(
        [QueueTrigger(StorageNames.BlobTriggerPoisonQueue, Connection = StorageNames.ConnectionSetting)] string message,
        CancellationToken cancellationToken) =>
        PipelineFunctions.Queue(PipelineFunctions.OnIngestPoison).InvokeAsync(services, message, cancellationToken);
}
