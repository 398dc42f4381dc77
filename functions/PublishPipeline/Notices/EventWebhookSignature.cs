using System.Globalization;
using SendGrid.Helpers.EventWebhook;

namespace PublishPipeline.Notices;

/// <summary>
/// Checks that an Event Webhook request comes from SendGrid: the ECDSA P-256 signature over timestamp + body, with
/// SendGrid's own <see cref="RequestValidator"/>, and a timestamp close to now so a captured request cannot be
/// replayed days later. (A replay inside the window changes nothing: each recipient keeps its latest event.)
/// </summary>
public sealed class EventWebhookSignature(string publicKey, TimeProvider clock)
{
    public const string SignatureHeader = RequestValidator.SIGNATURE_HEADER;

    public const string TimestampHeader = RequestValidator.TIMESTAMP_HEADER;

    /// <summary>How old a signed request may be. SendGrid documents no window; an hour covers its first retries and slow queues.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    /// <summary>How far ahead of our clock a timestamp may be (clock skew).</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The latest Unix time (seconds) a SendGrid timestamp may name, 3000-01-01: anything later is no real time, and
    /// DateTimeOffset.FromUnixTimeSeconds throws not far beyond it.
    /// </summary>
    public const long MaxUnixSeconds = 32503680000;

    private readonly EllipticCurve.PublicKey key = TryParseKey(publicKey) ?? throw new ArgumentException("not a P-256 public key", nameof(publicKey));

    /// <summary>The key, or null when the text is not a base64 DER P-256 public key.</summary>
    public static EllipticCurve.PublicKey? TryParseKey(string? publicKey)
    {
        if (string.IsNullOrWhiteSpace(publicKey))
        {
            return null;
        }

        try
        {
            return new RequestValidator().ConvertPublicKeyToECDSA(publicKey.Trim());
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    public EventWebhookVerdict Verify(string? signature, string? timestamp, string payload)
    {
        if (string.IsNullOrWhiteSpace(signature) || string.IsNullOrWhiteSpace(timestamp))
        {
            return EventWebhookVerdict.Unsigned;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxUnixSeconds)
        {
            return EventWebhookVerdict.BadSignature;
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var now = clock.GetUtcNow();
        if (signedAt < now - MaxAge || signedAt > now + MaxSkew)
        {
            return EventWebhookVerdict.Stale;
        }

        try
        {
            return new RequestValidator().VerifySignature(key, payload, signature, timestamp) ? EventWebhookVerdict.Valid : EventWebhookVerdict.BadSignature;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            // RequestValidator throws on a signature that is not base64 DER instead of answering false: it is a bad
            // signature all the same, the caller's fault, never a 500.
            return EventWebhookVerdict.BadSignature;
        }
    }
}

public enum EventWebhookVerdict
{
    Valid,
    Unsigned,
    BadSignature,
    Stale,
}
