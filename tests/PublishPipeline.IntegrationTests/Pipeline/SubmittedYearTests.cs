using System.Net;
using AngleSharp.Html.Parser;
using PublishPipeline.Site;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Pipeline;

/// <summary>
/// Issue 9, a version owns one page: a real-looking 2020 report submitted through the API for 2099, by an agency that
/// publishes automatically, goes back to the agency (A8) instead of being published over the 2020 page or at 2099.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class SubmittedYearTests(DevHostFixture fixture)
{
    [Fact]
    public async Task DraftOf2020SubmittedFor2099_NeedsChangesNamingBothYearsAndIsPublishedNowhere()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: true);
        var accepted = await fixture.SubmitDraftOkAsync(agency, 2099, "年度报告.txt", await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt")));

        var submission = await fixture.WaitForStateAsync(accepted.Id, SubmissionState.NeedsChanges, SubmissionState.Approved, SubmissionState.Published);
        Assert.Equal(SubmissionState.NeedsChanges, submission.CurrentState);
        Assert.Equal(2099, submission.Year);
        var view = await fixture.GetSubmissionViewAsync(submission.Id, agency.SubmitterEmails[0]);
        var a8 = Assert.Single(view.Findings, f => f.Severity == Reports.Severity.Error);
        Assert.Equal("A8", a8.Rule);
        Assert.Equal("title", a8.Location?.Section);
        Assert.Equal((2099m, 2020m), (a8.Expected, a8.Actual));
        Assert.Contains("写的是2020年，但本次提交的是2099年度的报告", a8.Message, StringComparison.Ordinal);
        Assert.Equal(["Received", "NeedsChanges"], view.Audit.Select(a => a.To));

        // The submitter is told, about the 2099 report, with both years and where the year is read from.
        var mail = Assert.Single(await fixture.WaitForMailAsync(agency.SubmitterEmails[0], 1));
        Assert.Equal($"{submission.Id}/validation-result", mail.Notice);
        Assert.Equal($"【年报校验】2099年{agency.Name}政府信息公开工作年度报告：发现 1 处错误，请修改后重新提交", mail.Subject);
        foreach (var body in new[] { mail.Html, mail.Text })
        {
            Assert.Contains(a8.Message, body, StringComparison.Ordinal);
            Assert.Contains("标题", body, StringComparison.Ordinal);
        }

        Assert.Contains("应为：2099", mail.Text, StringComparison.Ordinal);
        Assert.Contains("实为：2020", mail.Text, StringComparison.Ordinal);

        // Published nowhere: neither the year the text states nor the year it was submitted for has a page or an entry.
        foreach (var year in new[] { 2020, 2099 })
        {
            using var page = await fixture.Http.GetAsync($"{fixture.SiteUrl}/reports/{year}/{agency.Id}/");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            var entry = await fixture.Storage.SiteIndex.GetEntityIfExistsAsync<PublishPipeline.Site.Live.SiteIndexRow>(
                PublishPipeline.Site.Live.SiteIndexKeys.Agency(agency.Id), PublishPipeline.Site.Live.SiteIndexKeys.YearRow(year));
            Assert.False(entry.HasValue, $"a live site entry for {year}");
        }

        // The private preview is the 2099 page's, and says the draft states 2020.
        using var preview = await fixture.SendAsync(HttpMethod.Get, $"/api/submissions/{submission.Id}/preview", agency.SubmitterEmails[0]);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewPage = new HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync());
        Assert.Contains("报告中写的是2020年，但本版本是按2099年度提交的，不能发布", previewPage.QuerySelector(".year-mismatch")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("2099年", previewPage.QuerySelector("nav.breadcrumb")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("2020年", previewPage.QuerySelector("nav.breadcrumb")?.TextContent, StringComparison.Ordinal);

        // Nothing follows: its one change caused the validation email alone, and the version stays where it is.
        Assert.Equal([LifecycleMessage.ValidationNeedsChanges], (await fixture.OutboxAsync(submission.Report)).Select(m => m.Kind));
        Assert.Equal(mail.Id, Assert.Single(await fixture.WaitForMailAsync(agency.SubmitterEmails[0], 1)).Id);
        Assert.Equal(SubmissionState.NeedsChanges, (await fixture.Submissions.GetAsync(submission.Id))!.CurrentState);
    }
}
