using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Notices;
using PublishPipeline.Pipeline.Alerts;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Delivery;

/// <summary>
/// SendGrid refusing an email for good (400 a refused message, 401 a revoked key): the email is sent once, recorded
/// Failed with the code, an operator alert is raised, and nothing retries it — neither the HTTP client nor the queue.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class PermanentRefusalTests(DevHostFixture fixture)
{
    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    public async Task SinkRefusingForGood_RecordsFailedAndAlertsAfterOneSend(int status)
    {
        // Not auto-published: the one email to the submitter is the validation result (the reviewers' request is not refused).
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: false);
        var submitter = agency.SubmitterEmails[0];
        using (var set = await fixture.Http.PostAsJsonAsync($"{fixture.ApiUrl}/_dev/mail/faults", new { status, seconds = 120, to = submitter }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        try
        {
            using var signals = new PipelineSignals();
            var accepted = await fixture.SubmitDraftOkAsync(agency, 2020, "年度报告.txt", await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt")));

            // The notify stage finished the message (no exception, so the queue deletes it) saying the email failed.
            await signals.WaitForAsync("notify", "Failed", accepted.Id);
            var record = (await fixture.Storage.Notices.GetEntityAsync<NoticeRecord>(accepted.Id, NoticeKind.ValidationResult)).Value;
            Assert.Equal(NoticeRecord.Failed, record.Status);
            Assert.Equal(status, record.LastStatusCode);
            Assert.Equal(1, record.Attempts);
            Assert.Null(record.LeaseUntil);
            Assert.Contains($"SendGrid answered {status}", record.LastError, StringComparison.Ordinal);

            // One send reached SendGrid: no retry by the resilience handler, none by the queue.
            await DeliveryHelpers.WaitForEmptyNoticesQueueAsync(fixture);
            Assert.Equal(1, fixture.Host.Mail.Attempts[NoticeKey.Format(accepted.Id, NoticeKind.ValidationResult)]);
            Assert.DoesNotContain(fixture.Host.Mail.Mails, m => m.To.Contains(submitter));

            // The operators are alerted, about this submission and with the code.
            var alerts = await fixture.Host.Services.GetRequiredService<AlertRecorder>().ListRecentAsync(2);
            var alert = Assert.Single(alerts, a => a.SubmissionId == accepted.Id);
            Assert.Equal("delivery", alert.Stage);
            Assert.Equal(agency.Id, alert.AgencyId);
            Assert.Contains($"（{status}）", alert.Summary, StringComparison.Ordinal);

            // The submission itself is unharmed, and its status page says the email failed for good.
            Assert.Equal(SubmissionState.AwaitingReview, (await fixture.Submissions.GetAsync(accepted.Id))!.CurrentState);
            var emails = await DeliveryHelpers.StatusPageEmailsAsync(fixture, accepted.Id, submitter);
            Assert.Equal("发送失败（永久）", DeliveryHelpers.StatusText(emails[NoticeKind.ValidationResult]));
            Assert.Contains($"（{status}）", emails[NoticeKind.ValidationResult].TextContent, StringComparison.Ordinal);
        }
        finally
        {
            using var clear = await fixture.Http.DeleteAsync($"{fixture.ApiUrl}/_dev/mail/faults");
        }
    }
}
