using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PublishPipeline.Notices;

namespace PublishPipeline.Tests.Notices;

/// <summary>The Event Webhook's signature check, against SendGrid's own published test vector and keys made here.</summary>
public sealed class EventWebhookSignatureTests
{
    // SendGrid's test vector for RequestValidator (sendgrid-csharp, RequestValidatorTests): a request SendGrid signed.
    private const string SendGridKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==";
    private const string SendGridPayload = "{\"category\":\"example_payload\",\"event\":\"test_event\",\"message_id\":\"message_id\"}";
    private const string SendGridSignature = "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0=";
    private const string SendGridTimestamp = "1588788367";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1588788367);

    [Fact]
    public void A_request_sendgrid_signed_is_valid_when_it_is_recent()
    {
        var check = new EventWebhookSignature(SendGridKey, new FixedClock(SignedAt.AddSeconds(30)));
        Assert.Equal(EventWebhookVerdict.Valid, check.Verify(SendGridSignature, SendGridTimestamp, SendGridPayload));
    }

    [Fact]
    public void The_same_request_replayed_later_is_stale()
    {
        Assert.Equal(EventWebhookVerdict.Stale, new EventWebhookSignature(SendGridKey, new FixedClock(SignedAt + EventWebhookSignature.MaxAge + TimeSpan.FromSeconds(1)))
            .Verify(SendGridSignature, SendGridTimestamp, SendGridPayload));
        Assert.Equal(EventWebhookVerdict.Stale, new EventWebhookSignature(SendGridKey, new FixedClock(SignedAt - EventWebhookSignature.MaxSkew - TimeSpan.FromSeconds(1)))
            .Verify(SendGridSignature, SendGridTimestamp, SendGridPayload));
    }

    [Fact]
    public void A_changed_payload_or_timestamp_is_a_bad_signature()
    {
        var check = new EventWebhookSignature(SendGridKey, new FixedClock(SignedAt));
        Assert.Equal(EventWebhookVerdict.BadSignature, check.Verify(SendGridSignature, SendGridTimestamp, SendGridPayload.Replace("test_event", "delivered", StringComparison.Ordinal)));
        Assert.Equal(EventWebhookVerdict.BadSignature, check.Verify(SendGridSignature, "1588788368", SendGridPayload));
    }

    [Fact]
    public void A_signature_with_another_key_is_a_bad_signature()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = Convert.ToBase64String(other.SignData(Encoding.UTF8.GetBytes(SendGridTimestamp + SendGridPayload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.Equal(EventWebhookVerdict.BadSignature, new EventWebhookSignature(SendGridKey, new FixedClock(SignedAt)).Verify(signature, SendGridTimestamp, SendGridPayload));
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("not base64!")]
    [InlineData("MEUCIQ==")]
    [InlineData("MAYCAQECAQE=")]
    [InlineData("AAAA")]
    [InlineData("MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0")]
    public void A_malformed_signature_is_a_bad_signature_not_an_exception(string signature) =>
        Assert.Equal(EventWebhookVerdict.BadSignature, new EventWebhookSignature(SendGridKey, new FixedClock(SignedAt)).Verify(signature, SendGridTimestamp, SendGridPayload));

    [Theory]
    [InlineData("timestamp")]
    [InlineData("-1588788367")]
    [InlineData("1588788367.5")]
    [InlineData("99999999999999999999")]
    public void A_malformed_timestamp_is_a_bad_signature(string timestamp) =>
        Assert.Equal(EventWebhookVerdict.BadSignature, new EventWebhookSignature(SendGridKey, new FixedClock(SignedAt)).Verify(SendGridSignature, timestamp, SendGridPayload));

    [Theory]
    [InlineData(null, SendGridTimestamp)]
    [InlineData(SendGridSignature, null)]
    [InlineData("", "")]
    public void A_request_without_signature_or_timestamp_is_unsigned(string? signature, string? timestamp) =>
        Assert.Equal(EventWebhookVerdict.Unsigned, new EventWebhookSignature(SendGridKey, new FixedClock(SignedAt)).Verify(signature, timestamp, SendGridPayload));

    [Fact]
    public void A_key_made_here_verifies_what_it_signed()
    {
        // What the dev sink does: its own P-256 key, the public half as base64 DER, the signature as DER.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string payload = "[{\"event\":\"delivered\",\"notice\":\"s/published\"}]";
        var signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(timestamp + payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

        var check = new EventWebhookSignature(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()), new FixedClock(now));
        Assert.Equal(EventWebhookVerdict.Valid, check.Verify(signature, timestamp, payload));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a key")]
    [InlineData("-----BEGIN PUBLIC KEY-----")]
    [InlineData("AAAA")]
    public void Text_that_is_not_a_p256_public_key_is_no_key(string key) =>
        Assert.Null(EventWebhookSignature.TryParseKey(key));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
