using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions;

/// <summary>
/// Messages that failed on every delivery: the version is marked Failed and an operator alert recorded
/// (<see cref="PoisonHandler"/>). The poison queues keep the messages themselves.
/// </summary>
public sealed class OnPoisonMessage(PoisonHandler handler)
{
    [Function("OnPublishPoison")]
    public Task PublishAsync(
        [QueueTrigger(StorageNames.PublishPoisonQueue, Connection = StorageNames.ConnectionSetting)] QueueMessage message,
        CancellationToken cancellationToken) =>
        handler.HandlePublishAsync(message.Body.ToString(), cancellationToken);

    [Function("OnNoticePoison")]
    public Task NoticeAsync(
        [QueueTrigger(StorageNames.NoticesPoisonQueue, Connection = StorageNames.ConnectionSetting)] QueueMessage message,
        CancellationToken cancellationToken) =>
        handler.HandleNoticeAsync(message.Body.ToString(), cancellationToken);

    [Function("OnIngestPoison")]
    public Task IngestAsync(
        [QueueTrigger(StorageNames.BlobTriggerPoisonQueue, Connection = StorageNames.ConnectionSetting)] QueueMessage message,
        CancellationToken cancellationToken) =>
        handler.HandleBlobAsync(message.Body.ToString(), cancellationToken);
}
