using System.Text.Json;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// Reads the Functions app's host.json (copied next to pubpipe at build) so the local host retries and batches
/// queue messages exactly as the app in Azure does.
/// </summary>
internal static class HostJson
{
    public sealed record QueueSettings(int BatchSize, int NewBatchThreshold, int MaxDequeueCount, TimeSpan MaxPollingInterval, TimeSpan VisibilityTimeout);

    public static QueueSettings Queues()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "host.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var queues = document.RootElement.GetProperty("extensions").GetProperty("queues");
        return new QueueSettings(
            queues.GetProperty("batchSize").GetInt32(),
            queues.GetProperty("newBatchThreshold").GetInt32(),
            queues.GetProperty("maxDequeueCount").GetInt32(),
            TimeSpan.Parse(queues.GetProperty("maxPollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.Parse(queues.GetProperty("visibilityTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
