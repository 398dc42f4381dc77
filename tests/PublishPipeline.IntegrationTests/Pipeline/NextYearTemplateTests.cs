using System.CommandLine;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PublishPipeline.Cli;
using PublishPipeline.Documents;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Pipeline;

/// <summary>
/// Next year's draft from what the pipeline published: <c>GET /api/agencies/{id}/template?year=</c> for the agency's
/// submitters and reviewers only, and <c>pubpipe template --agency --year</c> against the same storage, both carrying
/// the published 结转下年度继续办理 into 上年结转 (across the 2019 → 2021 change of format, and 2021 → 2021 with
/// 现行有效件数).
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class NextYearTemplateTests(DevHostFixture fixture)
{
    private async Task<Report> PublishedAsync(Agency agency, int year) =>
        ReportJson.Deserialize(await fixture.Http.GetStringAsync($"{fixture.SiteUrl}/reports/{year}/{agency.Id}/report.json")).Report;

    private async Task<Report> Publish2020Async(Agency agency)
    {
        await fixture.UploadDraftBlobAsync(agency.Id, 2020, "2020.txt", await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt")), agency.SubmitterEmails[0]);
        await fixture.WaitForSubmissionAsync(agency.Id, 2020, SubmissionState.Published);
        return await PublishedAsync(agency, 2020);
    }

    private static Report Read(byte[] docx)
    {
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => e.Description));
        }

        var read = new DraftReader().Read("template.docx", docx);
        Assert.False(read.Unreadable);
        return read.Report!;
    }

    [Fact]
    public async Task The_route_serves_the_pre_filled_draft_to_the_agencys_people_only()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        var other = await fixture.RegisterAgencyAsync("兰溪市民政局");
        var published = await Publish2020Async(agency);
        var path = $"/api/agencies/{agency.Id}/template?year=2021";

        using var response = await fixture.SendAsync(HttpMethod.Get, path, agency.SubmitterEmails[0]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("2021年兰溪市文化和旅游局政府信息公开工作年度报告（模板）.docx", disposition.FileNameStar);
        Assert.Equal($"{agency.Id}-2021-template.docx", disposition.FileName!.Trim('"'));
        Assert.Contains("filename*=UTF-8''2021%E5%B9%B4", string.Join(";", response.Content.Headers.GetValues("Content-Disposition")), StringComparison.Ordinal);
        var draft = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(("2021", 2021, "2021年兰溪市文化和旅游局政府信息公开工作年度报告"), (draft.Template, draft.Year, draft.Title));
        Assert.Equal(published.Tables.Requests!["carried_out"], draft.Tables.Requests!["carried_in"]);
        Assert.Contains(published.Tables.Requests["carried_out"], c => c.AsNumber > 0);

        using var reviewer = await fixture.SendAsync(HttpMethod.Get, path, agency.ReviewerEmails[0]);
        Assert.Equal(HttpStatusCode.OK, reviewer.StatusCode);
        using var stranger = await fixture.SendAsync(HttpMethod.Get, path, other.SubmitterEmails[0]);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        using var anonymous = await fixture.SendAsync(HttpMethod.Get, path, null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var early = await fixture.SendAsync(HttpMethod.Get, $"/api/agencies/{agency.Id}/template?year=2018", agency.SubmitterEmails[0]);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("早于现行年度报告格式", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var noYear = await fixture.SendAsync(HttpMethod.Get, $"/api/agencies/{agency.Id}/template", agency.SubmitterEmails[0]);
        Assert.Equal(HttpStatusCode.BadRequest, noYear.StatusCode);
        using var unknown = await fixture.SendAsync(HttpMethod.Get, "/api/agencies/it-nobody/template?year=2021", agency.SubmitterEmails[0]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_status_page_and_the_public_report_page_link_the_next_years_draft()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        await Publish2020Async(agency);
        var submission = await fixture.WaitForSubmissionAsync(agency.Id, 2020, SubmissionState.Published);
        var path = $"/api/agencies/{agency.Id}/template?year=2021";

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{fixture.ApiUrl}/api/submissions/{submission.Id}");
        request.Headers.Add("X-Dev-User", agency.SubmitterEmails[0]);
        request.Headers.Accept.ParseAdd("text/html");
        using var status = await fixture.Http.SendAsync(request);
        var statusPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await status.Content.ReadAsStringAsync());
        var link = Assert.Single(statusPage.QuerySelectorAll("a.template-link"));
        Assert.Equal(path, link.GetAttribute("href"));
        Assert.StartsWith("下载2021年度报告 Word 模板", link.TextContent, StringComparison.Ordinal);

        var reportPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await fixture.Http.GetStringAsync($"{fixture.SiteUrl}/reports/2020/{agency.Id}/"));
        var publicLink = Assert.Single(reportPage.QuerySelectorAll(".next-year-template a"));
        Assert.Equal(fixture.ApiUrl + path, publicLink.GetAttribute("href"));
        Assert.Equal("下载2021年度报告模板（已预填）", publicLink.TextContent);

        // The public page's link works for the agency's staff once signed in.
        using var followed = await fixture.SendAsync(HttpMethod.Get, path, agency.SubmitterEmails[0]);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
    }

    [Fact]
    public async Task Pubpipe_template_writes_the_draft_from_storage_and_says_what_it_carried()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        var published2020 = await Publish2020Async(agency);

        // The 2021 report, as the agency fills it in from its pre-filled 2021 draft: 上年结转 as carried, 结转下年度 1.
        var carriedIn = published2020.Tables.Requests!["carried_out"].Select(c => c.Number).ToArray();
        var report = TestDrafts.Report2021(agency.Name, carriedIn);
        var requests = report.Tables.Requests!;
        requests["carried_out"] = [CellValue.Of(1), .. Enumerable.Repeat(CellValue.Of(0), 5), CellValue.Of(1)];
        foreach (var row in new[] { "r1", "total" })
        {
            requests[row][0] = CellValue.Of(requests[row][0].Number - 1);
            requests[row][6] = CellValue.Of(requests[row][6].Number - 1);
        }

        report.Tables.Proactive!["art20_1"]["normative_docs"] = [CellValue.Of(3), CellValue.Of(1), CellValue.Of(37)];
        await fixture.UploadDraftBlobAsync(agency.Id, 2021, "2021年报.docx", ReportTemplateDocument.Create(TemplateCatalog.Template2021, report), agency.SubmitterEmails[0]);
        var submission = await fixture.WaitForSubmissionAsync(agency.Id, 2021, SubmissionState.Published, SubmissionState.NeedsChanges);
        var view = await fixture.GetSubmissionViewAsync(submission.Id, agency.SubmitterEmails[0]);
        Assert.True(submission.CurrentState == SubmissionState.Published, string.Join("\n", view.Findings.Where(f => f.Severity == Severity.Error).Select(f => $"{f.Rule} {f.Message}")));

        var directory = Directory.CreateTempSubdirectory("pubpipe-prefill-");
        try
        {
            var file = Path.Combine(directory.FullName, "2022.docx");
            var (code, output, error) = await RunAsync("template", "--agency", agency.Id, "--year", "2022", "--out", file, "--connection", fixture.StorageConnectionString);

            Assert.Equal((0, ""), (code, error));
            Assert.Contains("已按已公开的 2021 年度报告预填 7 个上年结转数、2 个现行有效件数", output, StringComparison.Ordinal);
            var draft = Read(await File.ReadAllBytesAsync(file));
            Assert.Equal([1m, 0, 0, 0, 0, 0, 1], draft.Tables.Requests!["carried_in"].Select(c => c.Number));
            Assert.Equal(37m, draft.Tables.Proactive!["art20_1"]["normative_docs"][2].AsNumber);
            Assert.True(draft.Tables.Proactive["art20_1"]["normative_docs"][0].IsBlank);

            // No report published for 2022: the blank 2023 template with name and period, and the command says so.
            var blank = Path.Combine(directory.FullName, "2023.docx");
            (code, output, error) = await RunAsync("template", "--agency", agency.Id, "--year", "2023", "--out", blank, "--connection", fixture.StorageConnectionString);
            Assert.Equal((0, ""), (code, error));
            Assert.Contains("注意：没有已公开的2022年度报告，表格未预填", output, StringComparison.Ordinal);
            var empty = Read(await File.ReadAllBytesAsync(blank));
            Assert.Equal((2023, new ReportPeriod("2023-01-01", "2023-12-31")), (empty.Year, empty.Period));
            Assert.All(empty.Tables.Requests!["carried_in"], c => Assert.True(c.IsBlank));

            (code, _, error) = await RunAsync("template", "--agency", "it-nobody", "--year", "2022", "--out", file, "--connection", fixture.StorageConnectionString);
            Assert.Equal(2, code);
            Assert.Contains("机关编号「it-nobody」不在机构名录中", error, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new RootCommand { TemplateCommand.Create() }.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
