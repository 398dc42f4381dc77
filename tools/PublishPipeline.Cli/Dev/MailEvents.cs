using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PublishPipeline.Notices;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// The sink's stand-in for SendGrid's Signed Event Webhook: an ECDSA P-256 key made for this run (the dev host sets
/// its public half as Notices__EventWebhookPublicKey), and events about accepted emails posted back to
/// <c>/api/email-events</c>, signed over timestamp + body as SendGrid signs them. By recipient: an address starting
/// with "bounce" bounces, "dropped" is dropped, "spam" is delivered then reported as spam; anything else is delivered.
/// </summary>
internal sealed class MailEvents : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<int, ConcurrentQueue<PostedEvent>> posted = new();
    private readonly ConcurrentDictionary<Task, byte> pending = new();

    /// <summary>The base64 DER public key, the form SendGrid shows and the webhook's setting takes.</summary>
    public string PublicKey => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    /// <summary>Where events go: the dev host's <c>/api/email-events</c>; null posts nothing.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Whether accepted emails get their events posted back automatically (on by default).</summary>
    public bool Automatic { get; set; } = true;

    /// <summary>The events posted about one received email, with what the webhook answered.</summary>
    public IReadOnlyList<PostedEvent> For(int mailId) => posted.TryGetValue(mailId, out var events) ? events.ToArray() : [];

    /// <summary>Signs <paramref name="payload"/> as SendGrid does: ECDSA P-256 over SHA-256 of timestamp + payload, DER, base64.</summary>
    public string Sign(string timestamp, string payload) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(timestamp + payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    /// <summary>Posts the events of a just-accepted email in the background (SendGrid's events come after its 202).</summary>
    public void AfterAccepted(ReceivedMail mail)
    {
        if (!Automatic || WebhookUrl is null || mail.Notice is null)
        {
            return;
        }

        Track(PostAsync(mail.Id, mail.To.SelectMany(EventsFor).Select(e => Event(mail.Notice, e.To, e.Type, e.Reason)).ToList()));
    }

    /// <summary>Posts one event about an email (for <c>POST /_dev/mail/events</c> and tests), signed; returns the webhook's status.</summary>
    public async Task<int> PostAsync(int mailId, IReadOnlyList<Dictionary<string, object?>> events, CancellationToken cancellationToken = default)
    {
        if (WebhookUrl is null)
        {
            return 0;
        }

        var payload = JsonSerializer.Serialize(events);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add(EventWebhookSignature.SignatureHeader, Sign(timestamp, payload));
        request.Headers.Add(EventWebhookSignature.TimestampHeader, timestamp);
        int status;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            status = 0;
        }

        var log = posted.GetOrAdd(mailId, _ => new ConcurrentQueue<PostedEvent>());
        foreach (var e in events)
        {
            log.Enqueue(new PostedEvent((string)e["event"]!, (string)e["email"]!, status));
        }

        return status;
    }

    /// <summary>One SendGrid event as the webhook receives it: custom args are top-level fields.</summary>
    public static Dictionary<string, object?> Event(string notice, string email, string type, string? reason = null, DateTimeOffset? at = null)
    {
        var e = new Dictionary<string, object?>
        {
            ["email"] = email,
            ["timestamp"] = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
            ["event"] = type,
            ["sg_event_id"] = Guid.NewGuid().ToString("N"),
            ["sg_message_id"] = "dev." + notice,
            [NoticeKey.CustomArg] = notice,
        };
        if (reason is not null)
        {
            e[type == "deferred" ? "response" : "reason"] = reason;
        }

        if (type == "bounce")
        {
            e["type"] = "bounce";
            e["status"] = "5.1.1";
        }

        return e;
    }

    /// <summary>Waits for the events posted in the background (the dev host's shutdown, tests).</summary>
    public Task DrainAsync() => Task.WhenAll(pending.Keys);

    public void Dispose()
    {
        http.Dispose();
        key.Dispose();
    }

    private static IEnumerable<(string To, string Type, string? Reason)> EventsFor(string to)
    {
        var local = to.Split('@')[0].ToLowerInvariant();
        yield return (to, "processed", null);
        if (local.StartsWith("bounce", StringComparison.Ordinal))
        {
            yield return (to, "bounce", "550 5.1.1 The email account that you tried to reach does not exist.");
        }
        else if (local.StartsWith("dropped", StringComparison.Ordinal))
        {
            yield return (to, "dropped", "Bounced Address");
        }
        else
        {
            yield return (to, "delivered", null);
            if (local.StartsWith("spam", StringComparison.Ordinal))
            {
                yield return (to, "spamreport", null);
            }
        }
    }

    private void Track(Task task)
    {
        pending.TryAdd(task, 0);
        task.ContinueWith(t => pending.TryRemove(t, out _), TaskScheduler.Default);
    }
}

/// <summary>An event the sink posted back: its type, the recipient, and the webhook's HTTP status (0: not reached).</summary>
internal sealed record PostedEvent(string Event, string Email, int Status);
