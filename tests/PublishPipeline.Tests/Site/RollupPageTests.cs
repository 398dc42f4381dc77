using System.Diagnostics;
using System.Globalization;
using System.Text;
using PublishPipeline.Reports;
using PublishPipeline.Rollups;
using PublishPipeline.Site;
using PublishPipeline.Site.Model;
using PublishPipeline.Site.OpenData;
using Xunit.Abstractions;
using static PublishPipeline.Tests.Site.SiteFixtures;

namespace PublishPipeline.Tests.Site;

/// <summary>
/// The public roll-up page and its CSV files: every number links to the list of the reports it came from, and those
/// values add up to it; gaps are marked where they stand; draft and directory text is escaped; the page of a county of
/// 100 agencies stays small.
/// </summary>
public sealed class RollupPageTests(ITestOutputHelper output)
{
    private readonly SitePages pages = new();

    private static RegionRollup Rollup(string hostileName = "甲局")
    {
        var blank = TestReports.Full("2021").Report;
        blank.Tables.Requests!["new"][0] = CellValue.Blank;
        return RollupCalculator.Compute(
            "兰溪市",
            2021,
            [
                new RollupSource("jia", hostileName, "s-jia", 1, TestReports.Full("2021").Report),
                new RollupSource("yi", "乙局", "s-yi", 2, TestReports.Full("2021").Report),
                new RollupSource("bing", "丙局", "s-bing", 1, blank),
                new RollupSource("ding", "丁局", "s-ding", 1, TestReports.Full("2019").Report),
            ],
            [new RollupAgency("wu", "戊局")]);
    }

    [Fact]
    public async Task Every_number_links_to_its_sources_and_the_sources_add_up_to_it()
    {
        var rollup = Rollup();
        var dom = Dom(await pages.RollupAsync(new RollupPageModel(rollup, Lanxi)));

        Assert.Equal("2021年兰溪市政府信息公开工作年度报告（统计汇总）", Html.Text(dom.QuerySelector("h1")!));
        Assert.Equal(["/", "/regions/", "/regions/浙江省/", "/regions/浙江省/金华市/", "/regions/浙江省/金华市/兰溪市/"], Hrefs(dom.QuerySelector("nav.breadcrumb")!));
        Assert.Equal(
            ["/reports/2021/浙江省/金华市/兰溪市/rollup/rollup.csv", "/reports/2021/浙江省/金华市/兰溪市/rollup/rollup-detail.csv", "/reports/2021/浙江省/金华市/兰溪市/rollup/rollup.docx"],
            Hrefs(dom.QuerySelector("p.downloads")!));

        var numbers = dom.QuerySelectorAll("table.rollup-table td > a");
        Assert.Equal(rollup.Cells.Count, numbers.Length);
        foreach (var link in numbers)
        {
            var anchor = link.GetAttribute("href")![1..];
            var source = dom.GetElementById(anchor);
            Assert.NotNull(source);
            var shown = decimal.Parse(Html.Text(link), CultureInfo.InvariantCulture);
            Assert.Equal(shown, decimal.Parse(Html.Text(source.QuerySelector("strong")!), CultureInfo.InvariantCulture));

            // The named values add up to the number; with the zeros and the gaps they account for every summed report.
            var parts = source.QuerySelectorAll(".rollup-part:not(.muted):not(.rollup-gap)");
            Assert.Equal(shown, parts.Sum(p => decimal.Parse(p.TextContent.Trim().Split(' ')[^1], CultureInfo.InvariantCulture)));
            var zeros = source.QuerySelector(".rollup-part.muted") is { } z ? int.Parse(Html.Text(z).Split(' ')[1], CultureInfo.InvariantCulture) : 0;
            Assert.Equal(rollup.Summed.Count, parts.Length + zeros + source.QuerySelectorAll(".rollup-gap").Length);
            var cell = rollup.Cells.Single(c => c.Key.Anchor == anchor);
            Assert.Equal(cell.IsComplete, link.ParentElement!.QuerySelector(".rollup-incomplete") is null);
        }

        // The blank cell: 表三 新收 自然人 is incomplete, and its source names 丙局 and why.
        var blank = dom.GetElementById("t3-new-0")!;
        Assert.Equal("未计入：丙局（空白）", Html.Text(blank.QuerySelector(".rollup-gap")!));
        Assert.Equal("/reports/2021/bing/", blank.QuerySelector(".rollup-gap a")!.GetAttribute("href"));
        Assert.Equal("不完整", Html.Text(dom.QuerySelector("a[href='#t3-new-0'] + .rollup-incomplete")!));

        // Reports summed (with links to their pages), the other template named, the late agency listed.
        Assert.Equal(["/reports/2021/bing/", "/reports/2021/yi/", "/reports/2021/jia/"], Hrefs(dom.QuerySelector("ol.rollup-reports")!));
        Assert.Contains("1 个单元格未计入", dom.QuerySelector("ol.rollup-reports")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("丁局 2019年试行格式", dom.QuerySelector("ul.rollup-reports")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("戊局", dom.QuerySelector("section.rollup-summary ul.inline-list")!.TextContent, StringComparison.Ordinal);
        AssertLinksAreSitePaths(dom);
    }

    [Fact]
    public async Task Agency_names_are_escaped()
    {
        var file = await pages.RollupAsync(new RollupPageModel(Rollup("<script>alert(1)</script>甲局"), Lanxi));
        var dom = Dom(file);
        Assert.Empty(dom.QuerySelectorAll("script"));
        Assert.Contains("<script>alert(1)</script>甲局", dom.QuerySelector("ol.rollup-reports")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", Text(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_region_page_links_its_roll_ups()
    {
        var dom = Dom(await pages.RegionAsync(new RegionPageModel(Lanxi, [], []) { RollupYears = [2021, 2022] }));
        Assert.Equal(
            ["/reports/2022/浙江省/金华市/兰溪市/rollup/", "/reports/2021/浙江省/金华市/兰溪市/rollup/"],
            Hrefs(dom.QuerySelector("section[aria-labelledby=rollups-heading]")!));

        var without = Dom(await pages.RegionAsync(new RegionPageModel(Lanxi, [], [])));
        Assert.Null(without.QuerySelector("section[aria-labelledby=rollups-heading]"));
    }

    [Fact]
    public async Task A_year_page_links_the_roll_ups_listed_on_it()
    {
        Assert.Equal(Jinhua, SitePaths.RollupListedAt(Lanxi));
        Assert.Equal(Zhejiang, SitePaths.RollupListedAt(Zhejiang));
        var model = new YearPageModel(2021, Jinhua, [], [], ReportFigures.Empty, [2021]) { Rollups = [Yiwu, Lanxi, Jinhua] };
        var dom = Dom(await pages.YearAsync(model));
        var section = dom.QuerySelector("section[aria-labelledby=rollups-heading]")!;
        Assert.Equal(3, Hrefs(section).Count);
        Assert.Contains("/reports/2021/浙江省/金华市/兰溪市/rollup/", Hrefs(section));
        Assert.Contains("/reports/2021/浙江省/金华市/rollup/", Hrefs(section));
        Assert.Contains("兰溪市2021年统计汇总", section.TextContent, StringComparison.Ordinal);
        Assert.Null(Dom(await pages.YearAsync(model with { Rollups = [] })).QuerySelector("section[aria-labelledby=rollups-heading]"));
    }

    [Fact]
    public void The_CSV_files_have_a_BOM_Chinese_headers_and_every_value()
    {
        var rollup = Rollup("=HYPERLINK(1)");
        var sums = RollupCsv.Sums(rollup, Lanxi);
        Assert.Equal("reports/2021/浙江省/金华市/兰溪市/rollup/rollup.csv", sums.Path);
        Assert.True(sums.Content.Span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        var lines = Encoding.UTF8.GetString(sums.Content.Span[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("单元格,单元格编号,合计,是否完整,计入的报告数,未计入的报告及原因", lines[0]);
        Assert.Equal(rollup.Cells.Count + 1, lines.Length);
        var newNatural = rollup.Cell(new RollupCellKey(RollupTable.Requests, null, "new", 0));
        Assert.Equal($"表三 · 一、本年新收政府信息公开申请数量 · 自然人,t3-new-0,{newNatural.Sum},不完整,2,丙局（空白）", lines.Single(l => l.Contains(",t3-new-0,", StringComparison.Ordinal)));

        var detail = Encoding.UTF8.GetString(RollupCsv.Detail(rollup, Lanxi, new Uri("https://reports.example.gov.cn/")).Content.Span[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, detail.Length);
        Assert.StartsWith("机关,机关编号,版本,报告地址,表二 · ", detail[0], StringComparison.Ordinal);
        // The formula guard of the site's CSVs: a name starting with '=' is written as text (and sorts first).
        Assert.StartsWith("'=HYPERLINK(1),jia,1,https://reports.example.gov.cn/reports/2021/jia/,", detail[1], StringComparison.Ordinal);
        Assert.StartsWith("丙局,bing,1,https://reports.example.gov.cn/reports/2021/bing/,", detail[2], StringComparison.Ordinal);

        // Each report's row holds its value of each cell, so each sum can be redone from the file.
        var headers = detail[0].Split(',');
        var column = Array.FindIndex(headers, h => h.EndsWith("（t3-new-6）", StringComparison.Ordinal));
        Assert.Equal(
            rollup.Cell(new RollupCellKey(RollupTable.Requests, null, "new", 6)).Sum,
            detail.Skip(1).Sum(row => decimal.Parse(row.Split(',')[column], CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("typical")]
    [InlineData("every-cell-non-zero")]
    public async Task A_county_of_100_agencies_gives_a_page_of_sane_size(string kind)
    {
        var sources = Enumerable.Range(1, 100).Select(i =>
        {
            var report = TestReports.Full("2021").Report;
            if (kind == "typical")
            {
                // Most cells of a small agency's tables are 0: keep about one in ten as printed.
                var n = 0;
                foreach (var row in report.Tables.Requests!.Values.Concat(report.Tables.ReviewLitigation!.Values).Concat(report.Tables.Proactive!.Values.SelectMany(item => item.Values)))
                {
                    for (var c = 0; c < row.Count; c++)
                    {
                        if (++n % 10 != i % 10)
                        {
                            row[c] = CellValue.Of(0);
                        }
                    }
                }
            }

            return new RollupSource($"agency-{i:D3}", $"兰溪市第{i}个机关名称较长的政府部门", $"s-{i}", 1, report);
        }).ToList();

        var watch = Stopwatch.StartNew();
        var rollup = RollupCalculator.Compute("兰溪市", 2021, sources, []);
        var computed = watch.Elapsed;
        var page = await pages.RollupAsync(new RollupPageModel(rollup, Lanxi));
        var rendered = watch.Elapsed - computed;
        output.WriteLine($"{kind}: {rollup.Cells.Count} cells × {sources.Count} reports: computed in {computed.TotalMilliseconds:F0} ms, page {page.Content.Length / 1024} KiB rendered in {rendered.TotalMilliseconds:F0} ms");

        Assert.True(page.Content.Length < (kind == "typical" ? 400_000 : 3_000_000), $"{page.Content.Length} bytes");
    }
}
