using System.Globalization;
using AngleSharp.Dom;
using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Site.Model;
using static PublishPipeline.Tests.Site.SiteFixtures;

namespace PublishPipeline.Tests.Site;

public sealed class YearPageTests
{
    private readonly SitePages pages = new();

    [Fact]
    public async Task A_city_page_lists_every_report_grouped_by_sub_region()
    {
        var reports = JinhuaReports();

        var dom = Dom(await pages.YearAsync(new YearPageModel(2021, Jinhua, [], reports, Sum(reports), [2021])));

        var section = Section(dom, "reports-heading");
        Assert.Equal(["浙江省金华市本级机关（1份）", "兰溪市（1份）", "义乌市（2份）"], section.QuerySelectorAll("h3").Select(Html.Text));
        var lists = section.QuerySelectorAll("ul.report-list");
        Assert.Equal(["/reports/2021/jinhua-tjj/"], Hrefs(lists[0]));
        Assert.Equal(["/reports/2021/lanxi-bgs/"], Hrefs(lists[1]));
        Assert.Equal(["/reports/2021/yiwu-jyj/", "/reports/2021/yiwu-bgs/"], Hrefs(lists[2]));
        Assert.Equal(["义乌市教育局", "义乌市人民政府办公室"], lists[2].QuerySelectorAll("a").Select(Html.Text));

        // The corrected report shows when it was first published, and is marked.
        var corrected = lists[0].QuerySelector("li")!;
        Assert.Equal("2022-01-20", corrected.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("更正", Html.Text(corrected.QuerySelector(".correction-mark")!));
        Assert.Null(lists[1].QuerySelector(".correction-mark"));
    }

    [Fact]
    public async Task The_breadcrumb_climbs_to_the_country_and_the_csv_is_linked_at_city_and_root()
    {
        var reports = JinhuaReports();
        var total = Sum(reports);

        var city = Dom(await pages.YearAsync(new YearPageModel(2021, Jinhua, [], reports, total, [2021])));
        var province = Dom(await pages.YearAsync(new YearPageModel(2021, Zhejiang, [new RegionSummary(Jinhua, total)], [], total, [2021])));
        var root = Dom(await pages.YearAsync(new YearPageModel(2021, RegionPath.Root, [new RegionSummary(Zhejiang, total)], [], total, [2021])));

        Assert.Equal(["/", "/reports/", "/reports/2021/", "/reports/2021/浙江省/"], Hrefs(city.QuerySelector("nav.breadcrumb")!));
        Assert.Equal("金华市", Html.Text(city.QuerySelector("nav.breadcrumb [aria-current=page]")!));
        Assert.Equal(["/", "/reports/", "/reports/2021/"], Hrefs(province.QuerySelector("nav.breadcrumb")!));
        Assert.Equal(["/", "/reports/"], Hrefs(root.QuerySelector("nav.breadcrumb")!));
        Assert.Equal("2021年 · 全国", Html.Text(root.QuerySelector("nav.breadcrumb [aria-current=page]")!));

        Assert.Contains("/" + SitePaths.YearCsv(2021, Jinhua), Hrefs(city));
        Assert.Contains("/" + SitePaths.YearCsv(2021, RegionPath.Root), Hrefs(root));
        Assert.DoesNotContain(Hrefs(province), href => href.EndsWith(".csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_regions_table_links_each_sub_page_with_its_counts_and_figures()
    {
        var zhejiang = Sum(JinhuaReports());
        var anhui = ReportFigures.Sum([ReportFigures.Of(TestReports.Full("2021").Report), Blank("requests_new")]);
        var total = ReportFigures.Sum([zhejiang, anhui]);

        var dom = Dom(await pages.YearAsync(new YearPageModel(2021, RegionPath.Root, [new RegionSummary(Zhejiang, zhejiang), new RegionSummary(Anhui, anhui)], [], total, [2021])));

        var rows = dom.QuerySelectorAll("table.figures tbody tr");
        Assert.Equal(["/reports/2021/安徽省/", "/reports/2021/浙江省/"], rows.Select(tr => tr.QuerySelector("a")!.GetAttribute("href")));
        var anhuiCells = rows[0].QuerySelectorAll("td").Select(Html.Text).ToList();
        Assert.Equal("2", anhuiCells[0]);
        Assert.Equal($"{Number(anhui["requests_new"])}（1份未计入）", anhuiCells[1]);
        Assert.Equal(Number(anhui["requests_closed"]), anhuiCells[2]);
        Assert.Equal("4", rows[1].QuerySelectorAll("td")[0].TextContent);
        Assert.All(dom.QuerySelectorAll("table.figures th"), th => Assert.True(th.HasAttribute("scope")));
        Assert.Equal("中央及未注明地区机关的报告", Html.Text(dom.GetElementById("reports-heading")!));
    }

    [Fact]
    public async Task Chart_numbers_equal_the_table_numbers_and_the_totals()
    {
        var blankSuit = Blank("suit_total");
        var total = ReportFigures.Sum([Sum(JinhuaReports()), blankSuit, Blank("requests_new")]);

        var dom = Dom(await pages.YearAsync(new YearPageModel(2021, Jinhua, [], [], total, [2021])));

        var figures = dom.QuerySelectorAll("figure.chart");
        Assert.Equal(4, figures.Length);
        var seen = new List<string>();
        foreach (var figure in figures)
        {
            var svg = figure.QuerySelector("svg")!;
            Assert.Equal("img", svg.GetAttribute("role"));
            var title = svg.QuerySelector("title")!;
            Assert.Equal(title.Id, svg.GetAttribute("aria-labelledby"));

            var chartLabels = svg.QuerySelectorAll("text.bar-label").Select(Html.Text).ToList();
            var chartValues = svg.QuerySelectorAll("text.bar-value").Select(Html.Text).ToList();
            var rows = figure.QuerySelectorAll("table tbody tr");
            Assert.Equal(chartLabels, rows.Select(tr => Html.Text(tr.QuerySelector("th")!)));
            Assert.Equal(chartValues, rows.Select(tr => Html.Text(tr.QuerySelectorAll("td")[0])));
            for (var i = 0; i < chartLabels.Count; i++)
            {
                Assert.Contains($"{chartLabels[i]} {chartValues[i]}", title.TextContent, StringComparison.Ordinal);
            }

            // Bars are proportional: the largest value has the full bar, a larger value never a shorter bar.
            var widths = svg.QuerySelectorAll("rect.bar").Select(r => float.Parse(r.GetAttribute("width")!, CultureInfo.InvariantCulture)).ToList();
            var values = chartValues.Select(v => decimal.Parse(v, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(250f, widths[values.IndexOf(values.Max())]);
            for (var i = 0; i < values.Count; i++)
            {
                Assert.All(Enumerable.Range(0, values.Count).Where(j => values[j] < values[i]), j => Assert.True(widths[j] <= widths[i]));
            }
            seen.AddRange(rows.Select(tr => Html.Text(tr.QuerySelector("th")!) + "=" + Html.Text(tr.QuerySelectorAll("td")[0]) + "/" + Html.Text(tr.QuerySelectorAll("td")[1])));
        }

        // Every measure once, with the sum's value and how many reports were left out of it.
        Assert.Equal(ReportFigures.Measures.Count, seen.Count);
        Assert.Contains($"本年新收申请={Number(total["requests_new"])}/1", seen);
        Assert.Contains($"总计={Number(total["suit_total"])}/1", seen);
        Assert.Contains($"予以公开={Number(total["granted"])}/0", seen);
        Assert.Contains("6 份报告", Html.Text(dom.QuerySelector("p.summary")!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_years_are_linked()
    {
        var dom = Dom(await pages.YearAsync(new YearPageModel(2021, RegionPath.Root, [], [], ReportFigures.Empty, [2020, 2021, 2019])));

        var nav = dom.QuerySelector("nav.other-years")!;
        Assert.Equal(["/reports/2021/", "/reports/2020/", "/reports/2019/"], Hrefs(nav));
        Assert.Equal("page", nav.QuerySelector("a[href='/reports/2021/']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task The_same_facts_in_any_order_give_the_same_bytes()
    {
        var reports = JinhuaReports();
        reports.AddRange(Enumerable.Range(0, 30).Select(i => Report($"agency-{i:D2}", $"机关{(char)('甲' + i)}", i % 2 == 0 ? Lanxi : Yiwu)));
        RegionSummary[] regions = [new(Lanxi, Sum(reports)), new(Yiwu, Sum(reports))];
        var model = new YearPageModel(2021, Jinhua, regions, reports, Sum(reports), [2019, 2020, 2021]);

        var expected = Text(await pages.YearAsync(model));
        for (var seed = 1; seed <= 5; seed++)
        {
            var shuffled = model with { Regions = Shuffled(regions, seed), Reports = Shuffled(reports, seed), Years = Shuffled(model.Years, seed) };
            Assert.Equal(expected, Text(await pages.YearAsync(shuffled)));
        }
    }

    [Fact]
    public async Task Hostile_names_stay_text_and_region_names_stay_inside_their_path()
    {
        var hostileRegion = RegionPath.Parse($"浙江省/{Img} #?%");
        var reports = new List<SiteReport> { Report("lanxi-bgs", Hostile, hostileRegion.Child(Script)) with { Title = Hostile } };

        var dom = Dom(await pages.YearAsync(new YearPageModel(2021, Zhejiang, [new RegionSummary(hostileRegion, Sum(reports))], reports, Sum(reports), [2021])));

        PrivatePageChecks.AssertNoInjectedMarkup(dom);
        AssertLinksAreSitePaths(dom);
        var link = dom.QuerySelector("table.figures tbody a")!;
        Assert.Equal($"{Img} #?%", Html.Text(link));
        Assert.Equal(SitePaths.YearPage(2021, hostileRegion), SitePaths.FileForUrl(link.GetAttribute("href")!));
        Assert.Equal(Hostile, Html.Text(dom.QuerySelector("ul.report-list a")!));
    }

    private static ReportFigures Sum(IEnumerable<SiteReport> reports) => ReportFigures.Sum(reports.Select(r => r.Figures));

    /// <summary>One report's figures with one measure blank.</summary>
    private static ReportFigures Blank(string key)
    {
        var figures = ReportFigures.Of(TestReports.Full("2021").Report);
        var values = figures.Values.ToArray();
        values[ReportFigures.IndexOf(key)] = null;
        return figures with { Values = values };
    }

    private static string Number(decimal? value) => value!.Value.ToString(CultureInfo.InvariantCulture);

    private static IElement Section(IDocument dom, string headingId) => dom.GetElementById(headingId)!.ParentElement!;
}
