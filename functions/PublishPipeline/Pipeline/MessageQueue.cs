using System.Text.Json;
using Azure.Storage.Queues;
using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>Puts the pipeline's messages on their Storage queues as JSON (the queue clients encode Base64, as triggers expect).</summary>
public sealed class MessageQueue(PipelineStorage storage)
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Storage queues hide a message for at most seven days; a later publication is re-queued when it surfaces.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    public Task SendPublishAsync(PublishMessage message, CancellationToken cancellationToken = default) =>
        SendAsync(storage.PublishQueue, message, cancellationToken);

    /// <summary>Queues a publication to surface after <paramref name="delay"/> (capped at <see cref="MaxDelay"/>), never expiring.</summary>
    public async Task SendPublishAsync(PublishMessage message, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        if (delay <= TimeSpan.Zero)
        {
            await SendPublishAsync(message, cancellationToken);
            return;
        }

        await storage.PublishQueue.SendMessageAsync(
            JsonSerializer.Serialize(message, JsonOptions),
            visibilityTimeout: delay < MaxDelay ? delay : MaxDelay,
            timeToLive: TimeSpan.FromSeconds(-1),
            cancellationToken);
    }

    public Task SendNoticeAsync(NoticeMessage message, CancellationToken cancellationToken = default) =>
        SendAsync(storage.NoticesQueue, message, cancellationToken);

    /// <summary>Queues an email to be handled again after <paramref name="delay"/>: a wait that is not a failure and uses none of its deliveries.</summary>
    public async Task SendNoticeAsync(NoticeMessage message, TimeSpan delay, CancellationToken cancellationToken = default) =>
        await storage.NoticesQueue.SendMessageAsync(
            JsonSerializer.Serialize(message, JsonOptions),
            visibilityTimeout: delay < MaxDelay ? delay : MaxDelay,
            cancellationToken: cancellationToken);

    public Task SendSiteAsync(SiteMessage message, CancellationToken cancellationToken = default) =>
        SendAsync(storage.SiteQueue, message, cancellationToken);

    /// <summary>Queues site work to surface after <paramref name="delay"/> (the roll-up debounce).</summary>
    public async Task SendSiteAsync(SiteMessage message, TimeSpan delay, CancellationToken cancellationToken = default) =>
        await storage.SiteQueue.SendMessageAsync(
            JsonSerializer.Serialize(message, JsonOptions),
            visibilityTimeout: delay <= TimeSpan.Zero ? null : delay < MaxDelay ? delay : MaxDelay,
            cancellationToken: cancellationToken);

    public static T Parse<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, JsonOptions) ?? throw new JsonException($"empty {typeof(T).Name}");

    private static async Task SendAsync<T>(QueueClient queue, T message, CancellationToken cancellationToken) =>
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, JsonOptions), cancellationToken);
}
