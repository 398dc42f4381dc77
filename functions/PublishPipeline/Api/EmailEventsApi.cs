using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Notices;
using PublishPipeline.Storage;

namespace PublishPipeline.Api;

/// <summary>
/// <c>POST /api/email-events</c>: SendGrid's Signed Event Webhook. Authenticated by its signature only (no cookie, no
/// user): a request without a valid, recent signature is refused and changes nothing. Each event names its email
/// through the custom arg <see cref="NoticeKey.CustomArg"/> and updates that <see cref="NoticeRecord"/>'s delivery
/// status; events about emails we do not know, or that say nothing about delivery, are ignored and still answered
/// 2xx, since SendGrid retries anything else for a day.
/// </summary>
public sealed class EmailEventsApi(PipelineStorage storage, IOptions<NoticeOptions> options, TimeProvider clock, ILogger<EmailEventsApi> logger)
{
    public const string Route = "email-events";

    /// <summary>SendGrid posts batches of up to a few hundred events; anything far bigger is not SendGrid.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    private const int MaxConcurrencyRetries = 5;

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(options.Value.EventWebhookPublicKey))
        {
            return Problems.NotFound("未启用邮件事件回调", "未配置 Notices__EventWebhookPublicKey，本服务不接收 SendGrid 邮件事件。");
        }

        if (request.ContentLength > MaxBodyBytes || await ReadBodyAsync(request, cancellationToken) is not { } payload)
        {
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "请求过大", "邮件事件请求超过大小上限。");
        }

        var verdict = new EventWebhookSignature(options.Value.EventWebhookPublicKey, clock).Verify(
            request.Headers[EventWebhookSignature.SignatureHeader].ToString(),
            request.Headers[EventWebhookSignature.TimestampHeader].ToString(),
            payload);
        switch (verdict)
        {
            case EventWebhookVerdict.Unsigned:
                logger.LogWarning("Email events without a signature refused");
                return Problems.Create(StatusCodes.Status401Unauthorized, "缺少签名", "邮件事件请求缺少 SendGrid 签名。");
            case EventWebhookVerdict.BadSignature:
                logger.LogWarning("Email events with a bad signature refused");
                return Problems.Forbidden("邮件事件请求的签名无效。");
            case EventWebhookVerdict.Stale:
                logger.LogWarning("Email events with a stale timestamp refused");
                return Problems.Forbidden("邮件事件请求的时间戳已过期或超前。");
        }

        List<(string Partition, string Row, RecipientDelivery Delivery)> events;
        try
        {
            events = Parse(payload);
        }
        catch (JsonException)
        {
            return Problems.BadRequest("请求无效", "邮件事件应为 JSON 数组。");
        }

        var recorded = 0;
        foreach (var email in events.GroupBy(e => (e.Partition, e.Row)))
        {
            if (await RecordAsync(email.Key.Partition, email.Key.Row, email.Select(e => e.Delivery).ToList(), cancellationToken))
            {
                recorded++;
            }
        }

        logger.LogInformation("Email events: {Events} delivery event(s), {Emails} email(s) updated", events.Count, recorded);
        return Results.Ok(new { events = events.Count, updated = recorded });
    }

    /// <summary>The events that say something about the delivery of an email we named; the rest is skipped.</summary>
    internal static List<(string Partition, string Row, RecipientDelivery Delivery)> Parse(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("not an array");
        }

        var events = new List<(string, string, RecipientDelivery)>();
        foreach (var e in document.RootElement.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object
                || NoticeKey.Parse(Text(e, NoticeKey.CustomArg)) is not { } key
                || DeliveryStatus.FromEvent(Text(e, "event")) is not { } status
                || Text(e, "email") is not { Length: > 0 } email
                || !e.TryGetProperty("timestamp", out var timestamp) || timestamp.ValueKind != JsonValueKind.Number || !timestamp.TryGetInt64(out var seconds)
                || seconds is < 0 or > EventWebhookSignature.MaxUnixSeconds)
            {
                continue;
            }

            // A bounce's "reason" is the receiving server's answer; a deferral's is in "response".
            var reason = Text(e, "reason") ?? Text(e, "response");
            events.Add((key.Partition, key.Row, new RecipientDelivery(email, status, DateTimeOffset.FromUnixTimeSeconds(seconds), reason)));
        }

        return events;
    }

    /// <summary>Applies one email's events under the record's ETag, re-reading when the sender (or another batch) wrote in between.</summary>
    private async Task<bool> RecordAsync(string partition, string row, IReadOnlyList<RecipientDelivery> deliveries, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await storage.Notices.GetEntityIfExistsAsync<NoticeRecord>(partition, row, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                logger.LogInformation("Email events for unknown notice {Partition}/{Row}: ignored", partition, row);
                return false;
            }

            var record = existing.Value!;
            if (!RecipientDeliveries.Apply(record, deliveries))
            {
                return false;
            }

            try
            {
                await storage.Notices.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxConcurrencyRetries)
            {
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The body as text, or null when it is over <see cref="MaxBodyBytes"/> (a chunked body has no Content-Length to check first).</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        // The signature covers the bytes as sent; SendGrid sends UTF-8 JSON.
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
