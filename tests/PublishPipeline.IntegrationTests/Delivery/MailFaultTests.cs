using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Notices;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Delivery;

/// <summary>
/// The fault suite's mail case: the SendGrid sink answers 429 (with Retry-After) and then 500 for 30 s while several
/// submissions' emails are due. The resilience handler and the queue retry them; afterwards every email has arrived
/// exactly once and its record says Sent.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class MailFaultTests(DevHostFixture fixture)
{
    private const int Submissions = 4;

    [Fact]
    public async Task SinkAnswering429Then500For30Seconds_EveryEmailIsDeliveredExactlyOnceAfterwards()
    {
        var agencies = new List<Agency>();
        for (var i = 0; i < Submissions; i++)
        {
            agencies.Add(await fixture.RegisterAgencyAsync("兰溪市文化和旅游局"));
        }

        // The whole sink refuses for 30 s: rate-limited for 15 s (429, Retry-After: 2), then failing for 15 s (500).
        // The collection's tests run one at a time, and every phase ends by itself.
        var refusedBefore = fixture.Host.Mail.Refused;
        using (var set = await fixture.Http.PostAsJsonAsync($"{fixture.ApiUrl}/_dev/mail/faults", new object[]
        {
            new { status = 429, seconds = 15, retryAfter = 2 },
            new { status = 500, seconds = 15 },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        try
        {
            var draft = await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt"));
            var submitted = new List<string>();
            foreach (var agency in agencies)
            {
                submitted.Add((await fixture.SubmitDraftOkAsync(agency, 2020, "年度报告.txt", draft)).Id);
            }

            // Each auto-published submission owes its submitter two emails: the validation result and the publication notice.
            var notices = submitted.SelectMany(id => new[] { (id, NoticeKind.ValidationResult), (id, NoticeKind.Published) }).ToList();
            foreach (var (id, kind) in notices)
            {
                await DeliveryHelpers.WaitForRecordAsync(fixture, id, kind, r => r.Status == NoticeRecord.Sent, NoticeRecord.Sent);
            }

            // No delivery of any email is pending any more (a retry, a deferred copy): what the sink has now is final.
            await DeliveryHelpers.WaitForEmptyNoticesQueueAsync(fixture);

            // The fault was met: the sink refused sends of these very emails, and some email needed more than one send.
            var attempts = fixture.Host.Mail.Attempts;
            Assert.True(fixture.Host.Mail.Refused > refusedBefore, "the sink refused nothing: the emails were not due during the fault");
            Assert.Contains(notices, n => attempts.GetValueOrDefault(NoticeKey.Format(n.id, n.Item2)) > 1);

            // Every email arrived exactly once, to its agency's submitter.
            var mails = fixture.Host.Mail.Mails;
            for (var i = 0; i < submitted.Count; i++)
            {
                foreach (var kind in new[] { NoticeKind.ValidationResult, NoticeKind.Published })
                {
                    var key = NoticeKey.Format(submitted[i], kind);
                    var received = mails.Where(m => m.Notice == key).ToList();
                    Assert.True(received.Count == 1, $"{key} arrived {received.Count} times");
                    Assert.Equal([agencies[i].SubmitterEmails[0]], received[0].To);
                }
            }

            // Nothing of theirs ended in the poison queue's alerts.
            var alerts = await fixture.Host.Services.GetRequiredService<PublishPipeline.Pipeline.Alerts.AlertRecorder>().ListRecentAsync(2);
            Assert.DoesNotContain(alerts, a => submitted.Contains(a.SubmissionId ?? ""));
        }
        finally
        {
            using var clear = await fixture.Http.DeleteAsync($"{fixture.ApiUrl}/_dev/mail/faults");
        }
    }
}
