using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions;

/// <summary>Sends one email through SendGrid.</summary>
public sealed class SendNotice(NoticeHandler handler)
{
    [Function(nameof(SendNotice))]
    public Task RunAsync(
        [QueueTrigger(StorageNames.NoticesQueue, Connection = StorageNames.ConnectionSetting)] string message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(MessageQueue.Parse<NoticeMessage>(message), cancellationToken);
}
