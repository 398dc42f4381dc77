using PublishPipeline.Documents;
using PublishPipeline.Reports;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Pipeline;

/// <summary>
/// Ingest feeds the agency's published report of the year before to the cross-year rules: a Word draft for 2021
/// whose 上年结转 disagrees with the published 2020 report's 结转下年度 gets a G1 error at that cell.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class CrossYearTests(DevHostFixture fixture)
{
    [Fact]
    public async Task NextYearsDraftIsCheckedAgainstThePublishedReport()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        await fixture.UploadDraftBlobAsync(agency.Id, 2020, "2020.txt", await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt")));
        await fixture.WaitForSubmissionAsync(agency.Id, SubmissionState.Published);
        var published = ReportJson.Deserialize(await fixture.Http.GetStringAsync($"{fixture.SiteUrl}/reports/2020/{agency.Id}/report.json"));
        var carriedOut = published.Report.Tables.Requests!["carried_out"].Select(c => c.Number).ToArray();

        // The 2021 draft carries in one more natural-person application than 2020 carried out.
        var carriedIn = carriedOut.ToArray();
        carriedIn[0] += 1;
        carriedIn[6] += 1;
        var draft = ReportTemplateDocument.Create(TemplateCatalog.Template2021, Consistent2021(agency.Name, carriedIn));
        await fixture.UploadDraftBlobAsync(agency.Id, 2021, "2021年报.docx", draft);

        var submission = await fixture.WaitForSubmissionAsync(agency.Id, 2021, SubmissionState.NeedsChanges, SubmissionState.AwaitingReview, SubmissionState.Published);
        Assert.Equal(2021, submission.Year);
        Assert.Equal("docx", submission.Format);
        var view = await fixture.GetSubmissionViewAsync(submission.Id);
        var g1 = view.Findings.Where(f => f.Rule == "G1").ToList();
        Assert.Equal(["natural", "total"], g1.Select(f => f.Location!.Column));
        Assert.All(g1, f => Assert.Equal(("carried_in", Severity.Error), (f.Location!.Row, f.Severity)));
        Assert.Equal(carriedOut[0], g1[0].Expected);
        Assert.Equal(carriedIn[0], g1[0].Actual);
        Assert.Equal("NeedsChanges", view.State);
    }

    /// <summary>A complete, arithmetically consistent 2021 report (every row of the template) in the agency's name.</summary>
    private static Report Consistent2021(string agencyName, decimal[] carriedIn)
    {
        var template = TemplateCatalog.Template2021;
        var newRequests = new decimal[] { 6, 2, 0, 0, 1, 0, 9 };
        var requests = template.Requests.Rows.ToDictionary(r => r.Key, _ => Enumerable.Repeat(CellValue.Of(0), 7).ToList());
        requests["new"] = newRequests.Select(CellValue.Of).ToList();
        requests["carried_in"] = carriedIn.Select(CellValue.Of).ToList();
        requests["r1"] = newRequests.Zip(carriedIn, (n, c) => CellValue.Of(n + c)).ToList();
        requests["total"] = requests["r1"].ToList();
        var proactive = template.Proactive.ToDictionary(
            item => item.Key,
            item => item.Rows.ToDictionary(row => row.Key, _ => item.Columns.Select(_ => CellValue.Of(0)).ToList()));
        var sections = template.Sections.Select(s => new ReportSection
        {
            Number = s.Number,
            Key = s.Key,
            Heading = s.Label,
            Text = $"2021年，本局认真落实政府信息公开条例，{s.Label}方面的工作按计划推进，主动公开、依申请公开、政府信息管理、平台建设和监督保障各项任务均已完成。",
        }).ToList();
        return new Report
        {
            Template = "2021",
            Year = 2021,
            Agency = agencyName,
            Title = $"2021年{agencyName}政府信息公开工作年度报告",
            Sections = sections,
            Tables = new ReportTables
            {
                Proactive = proactive,
                Requests = requests,
                ReviewLitigation = template.ReviewLitigation.Groups.ToDictionary(g => g.Key, _ => Enumerable.Repeat(CellValue.Of(0), 5).ToList()),
            },
        };
    }
}
