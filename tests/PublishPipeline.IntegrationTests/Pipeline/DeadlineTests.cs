using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Notices;
using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Pipeline;

/// <summary>
/// The daily deadline job through the local host: a reminder to the agency that has not submitted, none to the
/// one whose report awaits review, a digest to that report's reviewer, and nothing twice when the job runs again.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class DeadlineTests(DevHostFixture fixture)
{
    [Fact]
    public async Task SevenDaysBeforeTheDeadline_TheLateAgencyIsRemindedAndTheReviewerGetsADigest()
    {
        var late = await fixture.RegisterAgencyAsync("兰溪市教育局", autoPublish: false);
        var onTime = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: false);
        var submitted = await fixture.SubmitDraftOkAsync(onTime, 2026, "2026年报.docx", TestDrafts.Docx2021(onTime.Name, year: 2026));
        await fixture.WaitForStateAsync(submitted.Id, SubmissionState.AwaitingReview);

        var deadlines = fixture.Host.Services.GetRequiredService<DeadlineHandler>();
        var run = await deadlines.RunAsync(new DateOnly(2027, 1, 24));

        var reminder = Assert.Single(run.Reminders, r => r.AgencyId == late.Id);
        Assert.Equal((2026, new DateOnly(2027, 1, 31), 7), (reminder.ReportYear, reminder.Deadline, reminder.DaysLeft));
        Assert.DoesNotContain(run.Reminders, r => r.AgencyId == onTime.Id);

        var reminded = Assert.Single(await WaitForKindAsync(late.SubmitterEmails[0], NoticeKind.DeadlineReminder));
        Assert.Contains(late.Name, reminded.Subject, StringComparison.Ordinal);
        Assert.Contains("2027年1月31日", reminded.Text, StringComparison.Ordinal);
        var digest = Assert.Single(await WaitForKindAsync(onTime.ReviewerEmails[0], NoticeKind.ReviewDigest));
        Assert.Contains(submitted.Id, digest.Html, StringComparison.Ordinal);
        Assert.Empty(await MailsAsync(onTime.SubmitterEmails[0], NoticeKind.DeadlineReminder));
        Assert.Empty(await MailsAsync(late.ReviewerEmails[0], NoticeKind.ReviewDigest));

        // The job runs again the same day (a timer retried): both emails are handled again and found sent.
        using (var signals = new PipelineSignals())
        {
            var again = await deadlines.RunAsync(new DateOnly(2027, 1, 24));
            await signals.WaitForAsync("notify", "AlreadySent", Assert.Single(again.Reminders, r => r.AgencyId == late.Id).Key);
            await signals.WaitForAsync(
                h => h.Stage == "notify" && h.Outcome == "AlreadySent" && h.Subject.StartsWith(onTime.ReviewerEmails[0] + "-", StringComparison.Ordinal),
                what: "the digest handled again");
        }

        Assert.Single(await MailsAsync(late.SubmitterEmails[0], NoticeKind.DeadlineReminder));
        Assert.Single(await MailsAsync(onTime.ReviewerEmails[0], NoticeKind.ReviewDigest));

        // The day after is not a reminder day.
        Assert.DoesNotContain((await deadlines.RunAsync(new DateOnly(2027, 1, 25))).Reminders, r => r.AgencyId == late.Id);
    }

    private async Task<List<MailView>> MailsAsync(string address, string kind) =>
        (await fixture.WaitForMailAsync(address, 0)).Where(m => m.Notice?.Contains(kind, StringComparison.Ordinal) == true).ToList();

    private async Task<List<MailView>> WaitForKindAsync(string address, string kind)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var mails = await MailsAsync(address, kind);
            if (mails.Count > 0 || DateTime.UtcNow > deadline)
            {
                return mails;
            }

            await Task.Delay(200);
        }
    }
}
