using AngleSharp.Html.Parser;
using PublishPipeline.Reports;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Pipeline;

/// <summary>
/// The 修改建议 through the real pipeline: a Word draft whose 表三 总计 is one too many is validated on the local host, and the
/// validation-result email in the dev mailbox and the status page (computed from the stored report) name that cell.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class FixSuggestionTests(DevHostFixture fixture)
{
    [Fact]
    public async Task The_email_and_the_status_page_name_the_total_that_is_one_too_many()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市统计局", autoPublish: false);
        var submitter = agency.SubmitterEmails[0];
        var right = TestDrafts.Report2021(agency.Name, new decimal[7]).Tables.Requests!["total"][6].Number;
        var expected = $"若表三「（七）总计」行「总计」列为 {right}（现为 {right + 1}），则表三的全部勾稽关系成立。";

        var v1 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报初稿.docx", TestDrafts.Docx2021(agency.Name, withError: true));
        await fixture.WaitForStateAsync(v1.Id, SubmissionState.NeedsChanges);

        var mail = Assert.Single(await fixture.WaitForNoticeAsync(submitter, $"{v1.Id}/validation-result"));
        Assert.Contains(FixSuggestionText.Heading, mail.Text, StringComparison.Ordinal);
        Assert.Contains(expected, mail.Text, StringComparison.Ordinal);
        Assert.Contains(expected, new HtmlParser().ParseDocument(mail.Html).Body!.TextContent, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{fixture.ApiUrl}/api/submissions/{v1.Id}");
        request.Headers.Add("X-Dev-User", submitter);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await fixture.Http.SendAsync(request);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal([expected], page.QuerySelectorAll("#findings .fix-suggestions p.fix-suggestion").Select(p => p.TextContent.Trim()));
    }
}
