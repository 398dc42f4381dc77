using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Parser;
using PublishPipeline.Api;
using PublishPipeline.Reports;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Pipeline;

/// <summary>
/// A draft's whole path through the local host on Azurite: upload → submission record → validation →
/// page in $web → email captured by the SendGrid sink, asserted on content.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class EndToEndTests(DevHostFixture fixture)
{
    [Fact]
    public async Task CleanDraftDroppedIntoDrafts_IsPublishedAndTheSubmitterIsMailed()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        var draft = await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt"));
        await fixture.UploadDraftBlobAsync(agency.Id, 2020, "年度报告.txt", draft, agency.SubmitterEmails[0]);

        var submission = await fixture.WaitForSubmissionAsync(agency.Id, SubmissionState.Published);
        Assert.Equal(2020, submission.Year);
        Assert.Equal("年度报告.txt", submission.FileName);
        Assert.Equal(0, submission.Errors);
        Assert.Equal("2019", submission.Template);

        // The page is live on the site, with the report's own tables.
        var expected = ReportJson.Deserialize(await fixture.Http.GetStringAsync(
            $"{fixture.SiteUrl}/reports/2020/{agency.Id}/report.json"));
        Assert.Equal(submission.Title, expected.Report.Title);
        var html = await fixture.Http.GetStringAsync($"{fixture.SiteUrl}/reports/2020/{agency.Id}/");
        var page = new HtmlParser().ParseDocument(html);
        Assert.Contains(expected.Report.Title!, page.Title ?? "", StringComparison.Ordinal);
        var newRow = expected.Report.Tables.Requests!["new"];
        var row = page.QuerySelectorAll("tr").First(tr => tr.TextContent.Contains("本年新收政府信息公开申请数量", StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(newRow.Select(c => c.ToString()), cells.TakeLast(7));

        // The home page links to it.
        var home = new HtmlParser().ParseDocument(await fixture.Http.GetStringAsync($"{fixture.SiteUrl}/"));
        Assert.Contains(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/reports/2020/{agency.Id}/");

        // Two emails to the registered submitter: the validation result, then the publication notice with the link.
        var published = Assert.Single(await fixture.WaitForNoticeAsync(agency.SubmitterEmails[0], $"{submission.Id}/published"));
        Assert.Single(await fixture.WaitForNoticeAsync(agency.SubmitterEmails[0], $"{submission.Id}/validation-result"));
        Assert.Equal(
            [LifecycleMessage.ValidationAccepted, LifecycleMessage.Publish, LifecycleMessage.Published],
            (await fixture.OutboxAsync(submission.Report)).Select(m => m.Kind));
        var mails = await fixture.WaitForMailAsync(agency.SubmitterEmails[0], 0);
        Assert.Equal(2, mails.Count);
        Assert.Contains($"{fixture.SiteUrl}/reports/2020/{agency.Id}/", published.Html, StringComparison.Ordinal);
        Assert.Contains($"{fixture.SiteUrl}/reports/2020/{agency.Id}/", published.Text, StringComparison.Ordinal);

        // Every state change is in the audit trail, in order.
        var audit = await fixture.Submissions.GetAuditTrailAsync(submission.Id);
        Assert.Equal(["Received", "Approved", "Published"], audit.Select(a => a.To));
        Assert.Equal(["", "Received", "Approved"], audit.Select(a => a.From));
        Assert.Equal([agency.SubmitterEmails[0], "system:ingest", "system:publish"], audit.Select(a => a.Actor));
    }

    [Fact]
    public async Task DraftWithArithmeticErrorSubmittedThroughTheApi_GetsAnEmailNamingTheCellAndNoPage()
    {
        var agency = await fixture.RegisterAgencyAsync("江屿市青山街道办事处", "乡镇街道");
        using var response = await fixture.SubmitDraftAsync(agency, 2021, "2021年报.txt", await File.ReadAllBytesAsync(DevHostFixture.Sample("2021-qingshan-jiedao.txt")));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<SubmissionAccepted>(System.Text.Json.JsonSerializerOptions.Web))!;
        Assert.Equal($"{fixture.ApiUrl}/api/submissions/{accepted.Id}", accepted.StatusUrl);
        Assert.Equal(accepted.StatusUrl, response.Headers.Location?.ToString());

        var submission = await fixture.WaitForSubmissionAsync(agency.Id, SubmissionState.NeedsChanges);
        Assert.Equal(accepted.Id, submission.Id);
        var view = await fixture.GetSubmissionViewAsync(submission.Id, agency.SubmitterEmails[0]);
        Assert.Equal("NeedsChanges", view.State);
        var d1 = Assert.Single(view.Findings, f => f.Rule == "D1");
        Assert.Equal("carried_out", d1.Location?.Row);
        Assert.Equal("total", d1.Location?.Column);
        Assert.NotNull(d1.Expected);
        Assert.NotNull(d1.Actual);

        var mail = Assert.Single(await fixture.WaitForNoticeAsync(agency.SubmitterEmails[0], $"{submission.Id}/validation-result"));
        foreach (var body in new[] { mail.Html, mail.Text })
        {
            Assert.Contains("四、结转下年度继续办理", body, StringComparison.Ordinal);
            Assert.Contains("总计", body, StringComparison.Ordinal);
            Assert.Contains(d1.Expected!.Value.ToString(CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
            Assert.Contains(d1.Actual!.Value.ToString(CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
        }

        // Not published: no page, and no publication notice.
        using var page = await fixture.Http.GetAsync($"{fixture.SiteUrl}/reports/2021/{agency.Id}/");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal([LifecycleMessage.ValidationNeedsChanges], (await fixture.OutboxAsync(submission.Report)).Select(m => m.Kind));
        Assert.DoesNotContain(await fixture.WaitForMailAsync(agency.SubmitterEmails[0], 0), m => m.Notice?.EndsWith("/published", StringComparison.Ordinal) == true);
        Assert.Equal(["Received", "NeedsChanges"], view.Audit.Select(a => a.To));
    }

    [Fact]
    public async Task SameBytesSubmittedTwice_MakeOneSubmissionAndOneEmail()
    {
        var agency = await fixture.RegisterAgencyAsync("江屿市青山街道办事处", "乡镇街道");
        var bytes = await File.ReadAllBytesAsync(DevHostFixture.Sample("2021-qingshan-jiedao.txt"));
        async Task<(HttpStatusCode, SubmissionAccepted)> SubmitAsync()
        {
            using var response = await fixture.SubmitDraftAsync(agency, 2021, "report.txt", bytes);
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<SubmissionAccepted>(System.Text.Json.JsonSerializerOptions.Web))!);
        }

        var (firstStatus, first) = await SubmitAsync();
        await fixture.WaitForSubmissionAsync(agency.Id, SubmissionState.NeedsChanges);
        var (secondStatus, second) = await SubmitAsync();

        Assert.Equal(HttpStatusCode.Accepted, firstStatus);
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        Assert.True(second.Duplicate);
        Assert.Equal(first.Id, second.Id);
        var only = Assert.Single(await fixture.Submissions.ListForAgencyAsync(agency.Id));

        // The second upload changed no state, so it caused no message: the one validation email is all there will be.
        Assert.Equal([LifecycleMessage.ValidationNeedsChanges], (await fixture.OutboxAsync(only.Report)).Select(m => m.Kind));
        Assert.Single(await fixture.WaitForNoticeAsync(agency.SubmitterEmails[0], $"{only.Id}/validation-result"));
        Assert.Single(await fixture.WaitForMailAsync(agency.SubmitterEmails[0], 0));
    }

    [Fact]
    public async Task ApiRefusesAnUnregisteredAgencyWithProblemDetails()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("内容")), "file", "a.txt");
        form.Add(new StringContent("no-such-agency"), "agency");
        form.Add(new StringContent("2021"), "year");
        using var response = await fixture.SendAsync(HttpMethod.Post, "/api/drafts", "someone@agency.example", form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("机关未登记", problem!["title"].ToString());
        Assert.Contains("no-such-agency", problem["detail"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSubmissionIdIsA404Problem()
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, "/api/submissions/no-such-agency-2021-v1", "someone@agency.example");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
