using System.Text;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Site.Model;
using static PublishPipeline.Tests.Site.SiteFixtures;

namespace PublishPipeline.Tests.Site;

/// <summary>
/// What the public page adds around the report (the comparison with last year, the 更正说明, the blank-cell marks, the
/// scroll hints) must not change what a reader of the page takes for the report's tables: portals republish pages, and
/// the HTML reader reads them.
/// </summary>
public sealed class PublishedPageReadBackTests
{
    [Fact]
    public async Task A_page_with_every_addition_reads_back_to_the_same_tables_with_blanks_still_blank()
    {
        var document = TestReports.Full("2021");
        document.Report.Tables.Requests!["new"][0] = CellValue.Blank;
        document.Report.Tables.Requests!["r2"][3] = CellValue.Blank;
        document.Report.Tables.ReviewLitigation!["review"][1] = CellValue.Blank;
        var model = ReportModel(document) with
        {
            Previous = TestReports.Full("2019"),
            FirstPublishedAt = Published,
            PublishedAt = Corrected,
            Version = 2,
            EarlierVersions = [new EarlierVersion(1, Published, Corrected)],
            CorrectionNote = "更正表三第一行。",
            NextYearTemplateUrl = "http://127.0.0.1:7071/api/agencies/qingshan-jd/template?year=2022",
        };

        var page = await new SitePages().ReportAsync(model);
        var read = new DraftReader().Read("page.html", page.Content.ToArray());

        Assert.False(read.Unreadable, string.Join("; ", read.Findings.Select(f => f.Message)));
        var expected = document.Report.Tables;
        var actual = read.Report!.Tables;
        Assert.Equal(expected.Requests!.Keys, actual.Requests!.Keys);
        foreach (var (row, cells) in expected.Requests)
        {
            Assert.Equal(cells, actual.Requests[row]);
        }

        foreach (var (group, cells) in expected.ReviewLitigation!)
        {
            Assert.Equal(cells, actual.ReviewLitigation![group]);
        }

        Assert.True(actual.Requests["new"][0].IsBlank);
        Assert.Equal(document.Report.Sections.Select(s => s.Key), read.Report.Sections.Select(s => s.Key));
        Assert.Contains("与上年度比较", Encoding.UTF8.GetString(page.Content.Span), StringComparison.Ordinal);
        Assert.Contains("下载2022年度报告模板（已预填）", Encoding.UTF8.GetString(page.Content.Span), StringComparison.Ordinal);
        Assert.DoesNotContain(read.Report.Sections, s => s.Text.Contains("与上年度比较", StringComparison.Ordinal) || s.Text.Contains("更正说明", StringComparison.Ordinal) || s.Text.Contains("年度报告模板", StringComparison.Ordinal));
    }
}
