using System.Text.Json;
using Microsoft.Extensions.Logging;
using PublishPipeline.Pipeline.Alerts;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The end of the line for a message that failed on every delivery (host.json: maxDequeueCount). The poison queue
/// keeps the message; this marks the version Failed (so nobody waits on it), records an operator alert with the
/// message as received, and writes the ingest receipt so the sweeper stops retrying. Nothing is deleted.
/// </summary>
public sealed class PoisonHandler(SubmissionStore submissions, SubmissionTransitions transitions, IngestHandler ingest, AlertRecorder alerts, ILogger<PoisonHandler> logger)
{
    public const string Actor = "system:poison";

    public async Task HandlePublishAsync(string message, CancellationToken cancellationToken = default)
    {
        var parsed = TryParse<PublishMessage>(message);
        var submission = parsed is null ? null : await submissions.GetAsync(parsed.SubmissionId, cancellationToken);
        if (parsed is { Action: PublishAction.Unpublish })
        {
            await alerts.RecordAsync("publish", parsed.SubmissionId, submission?.AgencyId,
                "撤回后撤下公开页面多次失败，页面可能仍在公开网站上，请人工处理", message, cancellationToken);
            return;
        }

        if (submission is not null)
        {
            await transitions.MoveAsync(
                submission.Id,
                LifecycleTrigger.PublishFailed,
                Actor,
                "发布多次失败，已转运维人员处理",
                cancellationToken: cancellationToken);
        }

        await alerts.RecordAsync("publish", parsed?.SubmissionId, submission?.AgencyId,
            submission is null ? "无法识别的发布消息多次处理失败" : $"第 {submission.Version} 版发布多次失败，已标记为处理失败", message, cancellationToken);
    }

    public async Task HandleNoticeAsync(string message, CancellationToken cancellationToken = default)
    {
        var parsed = TryParse<NoticeMessage>(message);
        // The email's record stays Queued with its last error: it is not lost, and the report itself is unharmed.
        await alerts.RecordAsync("notify", parsed?.SubmissionId, parsed?.AgencyId,
            parsed is null ? "无法识别的邮件消息多次处理失败" : $"邮件「{parsed.Kind}」多次发送失败，仍为待发送状态", message, cancellationToken);
    }

    /// <summary>The blob trigger's poison message: <c>{"Type":"BlobTrigger","ContainerName":"drafts","BlobName":...}</c>.</summary>
    public async Task HandleBlobAsync(string message, CancellationToken cancellationToken = default)
    {
        string? blobName = null;
        try
        {
            using var document = JsonDocument.Parse(message);
            if (document.RootElement.TryGetProperty("BlobName", out var name) && name.ValueKind == JsonValueKind.String)
            {
                blobName = name.GetString();
            }
        }
        catch (JsonException e)
        {
            logger.LogError(e, "Unreadable blob trigger poison message");
        }

        Submission? failed = null;
        if (blobName is not null)
        {
            failed = await ingest.RecordFailureAsync(blobName, "读取或校验多次失败，已转运维人员处理", cancellationToken);
        }

        await alerts.RecordAsync("ingest", failed?.Id, failed?.AgencyId,
            failed is null ? "草稿处理多次失败，且无法定位草稿" : $"草稿 {blobName} 处理多次失败，第 {failed.Version} 版已标记为处理失败", message, cancellationToken);
    }

    /// <summary>The message as the stage would have read it, or null (logged) when even that fails: the alert keeps the raw text.</summary>
    private T? TryParse<T>(string message)
        where T : class
    {
        try
        {
            return MessageQueue.Parse<T>(message);
        }
        catch (JsonException e)
        {
            logger.LogError(e, "Unreadable poison {Type}", typeof(T).Name);
            return null;
        }
    }
}
