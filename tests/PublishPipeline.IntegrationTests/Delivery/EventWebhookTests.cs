using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PublishPipeline.Api;
using PublishPipeline.Cli.Dev;
using PublishPipeline.Notices;

namespace PublishPipeline.IntegrationTests.Delivery;

/// <summary>
/// SendGrid's Signed Event Webhook end to end: the sink posts signed events about the emails it accepted to
/// <c>POST /api/email-events</c>, the records take them, and the status page shows each email's delivery status.
/// A request that is unsigned, signed with another key, malformed or stale is refused and changes nothing.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class EventWebhookTests(DevHostFixture fixture)
{
    private string WebhookUrl => $"{fixture.ApiUrl}/api/{EmailEventsApi.Route}";

    [Fact]
    public async Task SignedDeliveredEvents_ShowAsDeliveredOnTheStatusPage()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        var accepted = await fixture.SubmitDraftOkAsync(agency, 2020, "年度报告.txt", await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt")));

        // The sink accepted both emails and posted "processed" and "delivered" back, signed with its key.
        foreach (var kind in new[] { NoticeKind.ValidationResult, NoticeKind.Published })
        {
            var record = await DeliveryHelpers.WaitForRecordAsync(fixture, accepted.Id, kind,
                r => r.Status == NoticeRecord.Sent && r.DeliveryStatus == DeliveryStatus.Delivered, "Sent and Delivered");
            Assert.NotNull(record.SentAt);
            Assert.NotNull(record.DeliveryAt);
        }

        var emails = await DeliveryHelpers.StatusPageEmailsAsync(fixture, accepted.Id, agency.SubmitterEmails[0]);
        Assert.Equal([NoticeKind.ValidationResult, NoticeKind.Published], emails.Keys);
        foreach (var row in emails.Values)
        {
            Assert.Equal("已送达", DeliveryHelpers.StatusText(row));
            Assert.Contains(agency.SubmitterEmails[0], row.TextContent, StringComparison.Ordinal);
            Assert.NotNull(row.QuerySelector("time"));
        }

        var published = fixture.Host.Mail.Mails.Single(m => m.Notice == NoticeKey.Format(accepted.Id, NoticeKind.Published));
        Assert.Contains(published.Subject, emails[NoticeKind.Published].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedBounce_ShowsAsBouncedWithTheReason()
    {
        // The sink bounces mail to an address starting with "bounce".
        var agency = await DeliveryHelpers.RegisterAgencyAsync(fixture, "兰溪市文化和旅游局", "bounce", autoPublish: true);
        var accepted = await fixture.SubmitDraftOkAsync(agency, 2020, "年度报告.txt", await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt")));

        var record = await DeliveryHelpers.WaitForRecordAsync(fixture, accepted.Id, NoticeKind.ValidationResult,
            r => r.Status == NoticeRecord.Sent && r.DeliveryStatus == DeliveryStatus.Bounced, "Sent and Bounced");
        Assert.Contains("550 5.1.1", record.DeliveryReason, StringComparison.Ordinal);

        var row = (await DeliveryHelpers.StatusPageEmailsAsync(fixture, accepted.Id, agency.SubmitterEmails[0]))[NoticeKind.ValidationResult];
        Assert.Equal("退信", DeliveryHelpers.StatusText(row));
        Assert.Contains("550 5.1.1", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("problem", row.QuerySelector("td.delivery")!.ClassList);
    }

    [Fact]
    public async Task UnsignedBadlySignedMalformedOrStaleEvents_AreRefusedAndChangeNothing()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        var accepted = await fixture.SubmitDraftOkAsync(agency, 2020, "年度报告.txt", await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt")));
        var before = await DeliveryHelpers.WaitForRecordAsync(fixture, accepted.Id, NoticeKind.ValidationResult,
            r => r.Status == NoticeRecord.Sent && r.DeliveryStatus == DeliveryStatus.Delivered, "Sent and Delivered");
        var notice = NoticeKey.Format(accepted.Id, NoticeKind.ValidationResult);

        // A bounce a minute after the delivery: it would change the record if it were let through.
        var bounce = Payload(notice, agency.SubmitterEmails[0], "bounce", DateTimeOffset.UtcNow.AddMinutes(1), "550 forged");
        var now = Now();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = Convert.ToBase64String(otherKey.SignData(Encoding.UTF8.GetBytes(now + bounce), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var stale = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        await AssertRefusedAsync(HttpStatusCode.Unauthorized, bounce, signature: null, timestamp: null);
        await AssertRefusedAsync(HttpStatusCode.Unauthorized, bounce, signature: Sign(now, bounce), timestamp: null);
        await AssertRefusedAsync(HttpStatusCode.Forbidden, bounce, signature: forged, timestamp: now);
        await AssertRefusedAsync(HttpStatusCode.Forbidden, bounce, signature: "not a signature!", timestamp: now);
        await AssertRefusedAsync(HttpStatusCode.Forbidden, bounce, signature: Convert.ToBase64String([0x30, 0x06, 0x02, 0x01]), timestamp: now);
        await AssertRefusedAsync(HttpStatusCode.Forbidden, bounce, signature: Sign(now, bounce), timestamp: "yesterday");
        await AssertRefusedAsync(HttpStatusCode.Forbidden, bounce, signature: Sign(stale, bounce), timestamp: stale);
        await AssertRefusedAsync(HttpStatusCode.Forbidden, bounce + " ", signature: Sign(now, bounce), timestamp: now);

        var after = (await fixture.Storage.Notices.GetEntityAsync<NoticeRecord>(accepted.Id, NoticeKind.ValidationResult)).Value;
        Assert.Equal(DeliveryStatus.Delivered, after.DeliveryStatus);
        Assert.Equal(before.Deliveries, after.Deliveries);
        Assert.Equal(before.ETag, after.ETag);

        // An older event, correctly signed, is accepted but changes nothing: each recipient keeps its latest event.
        var older = Payload(notice, agency.SubmitterEmails[0], "deferred", before.DeliveryAt!.Value.AddMinutes(-5), "421 try later");
        using (var response = await PostAsync(older, Sign(now, older), now))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(before.ETag, (await fixture.Storage.Notices.GetEntityAsync<NoticeRecord>(accepted.Id, NoticeKind.ValidationResult)).Value.ETag);

        // Events about emails we never sent are answered 200 (SendGrid would retry anything else) and ignored.
        var unknown = Payload(NoticeKey.Format("no-such-submission", NoticeKind.Published), "x@example.org", "delivered", DateTimeOffset.UtcNow, null);
        using (var response = await PostAsync(unknown, Sign(now, unknown), now))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The same bounce, signed with the sink's key, goes through: the refusals were about the signature alone.
        using (var response = await PostAsync(bounce, Sign(now, bounce), now))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var row = (await DeliveryHelpers.StatusPageEmailsAsync(fixture, accepted.Id, agency.SubmitterEmails[0]))[NoticeKind.ValidationResult];
        Assert.Equal("退信", DeliveryHelpers.StatusText(row));
        Assert.Contains("550 forged", row.TextContent, StringComparison.Ordinal);
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private string Sign(string timestamp, string payload) => fixture.Host.Mail.Events.Sign(timestamp, payload);

    private static string Payload(string notice, string email, string type, DateTimeOffset at, string? reason) =>
        JsonSerializer.Serialize(new[] { MailEvents.Event(notice, email, type, reason, at) });

    private async Task<HttpResponseMessage> PostAsync(string payload, string? signature, string? timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(EventWebhookSignature.SignatureHeader, signature);
        }

        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation(EventWebhookSignature.TimestampHeader, timestamp);
        }

        return await fixture.Http.SendAsync(request);
    }

    private async Task AssertRefusedAsync(HttpStatusCode expected, string payload, string? signature, string? timestamp)
    {
        using var response = await PostAsync(payload, signature, timestamp);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
