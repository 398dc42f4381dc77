using System.Text;
using PublishPipeline.Checking;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Site;

namespace PublishPipeline.Tests.Reading;

/// <summary>
/// A report page in the official layout (table 三's header merged over three rows, its row groups merged with rowspan,
/// table 四's two-level header) read back as an HTML draft gives the same tables: the site's own pages are what a
/// portal publishes, so the HTML reader must read them exactly.
/// </summary>
public class PublishedPageRoundTripTests
{
    [Theory]
    [InlineData("2020-hangzhou-fuyang-bgs.txt", true)]
    [InlineData("2020-lanxi-wenlvj.txt", false)]
    [InlineData("2021-qingshan-jiedao.txt", false)]
    public async Task Rendered_page_reads_back_to_the_same_tables(string name, bool fromCorpus)
    {
        var bytes = fromCorpus ? Corpus.Bytes(name) : File.ReadAllBytes(Corpus.Sample(name));
        var original = new DraftChecker().Check(name, bytes).Document;
        var page = await new SiteRenderer().RenderReportAsync(
            new ReportPageModel(original, "agency", original.Report.Agency ?? "机关", DateTimeOffset.UnixEpoch, "0123456789abcdef01234567"));

        var read = new DraftReader().Read("page.html", Encoding.UTF8.GetBytes(page));

        Assert.False(read.Unreadable, string.Join("; ", read.Findings.Select(f => f.Message)));
        Assert.Equal("html", read.Format);
        var expected = original.Report.Tables;
        var actual = read.Report!.Tables;
        Assert.Equal(original.Report.Template, read.Report.Template);
        Assert.Equal(expected.Requests!.Keys, actual.Requests!.Keys);
        foreach (var (row, cells) in expected.Requests)
        {
            Assert.Equal(cells, actual.Requests[row]);
        }

        Assert.Equal(expected.ReviewLitigation!.Keys, actual.ReviewLitigation!.Keys);
        foreach (var (group, cells) in expected.ReviewLitigation)
        {
            Assert.Equal(cells, actual.ReviewLitigation[group]);
        }

        Assert.Equal(expected.Proactive!.Keys, actual.Proactive!.Keys);
        foreach (var (item, rows) in expected.Proactive)
        {
            foreach (var (row, cells) in rows)
            {
                Assert.Equal(cells, actual.Proactive[item][row]);
            }
        }

        Assert.Equal(original.Report.Sections.Select(s => s.Key), read.Report.Sections.Select(s => s.Key));
        Assert.Equal(original.Report.Year, read.Report.Year);
    }
}
