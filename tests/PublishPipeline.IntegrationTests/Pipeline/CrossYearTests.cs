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
        await fixture.UploadDraftBlobAsync(agency.Id, 2020, "2020.txt", await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt")), agency.SubmitterEmails[0]);
        await fixture.WaitForSubmissionAsync(agency.Id, SubmissionState.Published);
        var published = ReportJson.Deserialize(await fixture.Http.GetStringAsync($"{fixture.SiteUrl}/reports/2020/{agency.Id}/report.json"));
        var carriedOut = published.Report.Tables.Requests!["carried_out"].Select(c => c.Number).ToArray();

        // The 2021 draft carries in one more natural-person application than 2020 carried out.
        var carriedIn = carriedOut.ToArray();
        carriedIn[0] += 1;
        carriedIn[6] += 1;
        var draft = TestDrafts.Docx2021(agency.Name, carriedIn);
        await fixture.UploadDraftBlobAsync(agency.Id, 2021, "2021年报.docx", draft, agency.SubmitterEmails[0]);

        var submission = await fixture.WaitForSubmissionAsync(agency.Id, 2021, SubmissionState.NeedsChanges, SubmissionState.AwaitingReview, SubmissionState.Published);
        Assert.Equal(2021, submission.Year);
        Assert.Equal("docx", submission.Format);
        var view = await fixture.GetSubmissionViewAsync(submission.Id, agency.SubmitterEmails[0]);
        var g1 = view.Findings.Where(f => f.Rule == "G1").ToList();
        Assert.Equal(["natural", "total"], g1.Select(f => f.Location!.Column));
        Assert.All(g1, f => Assert.Equal(("carried_in", Severity.Error), (f.Location!.Row, f.Severity)));
        Assert.Equal(carriedOut[0], g1[0].Expected);
        Assert.Equal(carriedIn[0], g1[0].Actual);
        Assert.Equal("NeedsChanges", view.State);
    }
}
