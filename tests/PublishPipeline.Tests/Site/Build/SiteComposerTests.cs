using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Site.Build;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Tests.Site.Build;

public sealed class SiteComposerTests
{
    private static readonly DateTimeOffset Day = new(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly RegionPath Zhejiang = RegionPath.Parse("浙江省");
    private static readonly RegionPath Jinhua = RegionPath.Parse("浙江省/金华市");
    private static readonly RegionPath Lanxi = RegionPath.Parse("浙江省/金华市/兰溪市");
    private static readonly RegionPath Hangzhou = RegionPath.Parse("浙江省/杭州市");
    private static readonly RegionPath Fuyang = RegionPath.Parse("浙江省/杭州市/富阳区");
    private static readonly RegionPath Beijing = RegionPath.Parse("北京市");

    /// <summary>A report with one figure known (requests_new = <paramref name="requests"/>, or blank when null).</summary>
    private static SiteReport Report(string id, string name, RegionPath region, int year, decimal? requests, int daysAfter = 0, bool correction = false)
    {
        var values = new decimal?[ReportFigures.Measures.Count];
        values[ReportFigures.IndexOf("requests_new")] = requests;
        values[ReportFigures.IndexOf("review_total")] = 1;
        return new SiteReport
        {
            AgencyId = id,
            AgencyName = name,
            Region = region,
            Year = year,
            Title = $"{year}年{name}政府信息公开工作年度报告",
            PublishedAt = Day.AddDays(daysAfter),
            FirstPublishedAt = correction ? Day.AddDays(daysAfter - 30) : null,
            Version = correction ? 2 : 1,
            Figures = new ReportFigures { Values = values },
        };
    }

    private static List<SiteReport> Sample() =>
    [
        Report("zj-bgs", "浙江省人民政府办公厅", Zhejiang, 2023, 40, 1),
        Report("jh-czj", "金华市财政局", Jinhua, 2023, 12, 2),
        Report("lanxi-wlj", "兰溪市文化和旅游局", Lanxi, 2023, 5, 3, correction: true),
        Report("lanxi-wlj", "兰溪市文化和旅游局", Lanxi, 2022, 7, -300),
        Report("fy-zf", "杭州市富阳区人民政府", Fuyang, 2023, null, 4),
        Report("hz-jyj", "杭州市教育局", Hangzhou, 2023, 9, 4),
        Report("bj-gaj", "北京市公安局", Beijing, 2023, 100, 5),
        Report("bj-hd-zf", "北京市海淀区人民政府", Beijing.Child("海淀区"), 2023, 3, 6),
    ];

    private static List<T> Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var list = items.ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }

    [Fact]
    public void YearScope_truncates_to_the_depth_and_YearScopes_lists_root_province_city()
    {
        Assert.Equal(RegionPath.Root, SiteComposer.YearScope(Lanxi, 0));
        Assert.Equal(Zhejiang, SiteComposer.YearScope(Lanxi, 1));
        Assert.Equal(Jinhua, SiteComposer.YearScope(Lanxi, 2));
        Assert.Equal(Zhejiang, SiteComposer.YearScope(Zhejiang, 2));
        Assert.Equal([RegionPath.Root, Zhejiang, Jinhua], SiteComposer.YearScopes(Lanxi));
        Assert.Equal([RegionPath.Root, Zhejiang], SiteComposer.YearScopes(Zhejiang));
        Assert.Equal([RegionPath.Root], SiteComposer.YearScopes(RegionPath.Root));
    }

    [Fact]
    public void A_sum_adds_the_numbers_and_counts_blank_cells_as_incomplete()
    {
        var reports = Sample().Where(r => r.Year == 2023 && Hangzhou.Contains(r.Region)).ToList();
        var summary = SiteComposer.Summarise(Hangzhou, reports);
        var i = ReportFigures.IndexOf("requests_new");
        Assert.Equal(2, summary.Figures.Reports);
        Assert.Equal(9, summary.Figures.Values[i]);
        Assert.Equal(1, summary.Figures.Incomplete[i]);
        Assert.Equal(2, summary.Figures["review_total"]);
        Assert.Equal(0, summary.Figures.Incomplete[ReportFigures.IndexOf("review_total")]);
    }

    [Fact]
    public void The_root_year_page_sums_provinces_and_keeps_no_reports_of_its_own()
    {
        var page = SiteComposer.YearFromReports(2023, RegionPath.Root, Sample(), [2022, 2023]);
        Assert.Equal(["北京市", "浙江省"], page.Regions.Select(r => r.Region.Key));
        Assert.Empty(page.Reports);
        Assert.Equal(7, page.Total.Reports);
        Assert.Equal(40 + 12 + 5 + 9 + 100 + 3, page.Total["requests_new"]);
        Assert.Equal(1, page.Total.Incomplete[ReportFigures.IndexOf("requests_new")]);
        Assert.Equal([2023, 2022], page.Years);
        var zhejiang = page.Regions.Single(r => r.Region == Zhejiang);
        Assert.Equal(5, zhejiang.Figures.Reports);
    }

    [Fact]
    public void A_province_year_page_lists_its_own_agencies_and_sums_its_cities()
    {
        var page = SiteComposer.YearFromReports(2023, Zhejiang, Sample(), [2023]);
        Assert.Equal([Hangzhou, Jinhua], page.Regions.Select(r => r.Region));
        Assert.Equal(["zj-bgs"], page.Reports.Select(r => r.AgencyId));
        Assert.Equal(5, page.Total.Reports);
        Assert.Equal(40 + 12 + 5 + 9, page.Total["requests_new"]);
        Assert.Equal(2, page.Regions.Single(r => r.Region == Hangzhou).Figures.Reports);
        Assert.Equal(2, page.Regions.Single(r => r.Region == Jinhua).Figures.Reports);
    }

    [Fact]
    public void A_city_year_page_lists_every_report_of_its_subtree_and_has_no_sub_regions()
    {
        var page = SiteComposer.YearFromReports(2023, Jinhua, Sample(), [2023]);
        Assert.Empty(page.Regions);
        Assert.Equal(["jh-czj", "lanxi-wlj"], page.Reports.Select(r => r.AgencyId).Order(StringComparer.Ordinal));
        Assert.All(page.Reports, r => Assert.Equal(2023, r.Year));
        Assert.Equal(2, page.Total.Reports);
    }

    [Fact]
    public void A_municipality_is_a_province_whose_districts_are_its_cities()
    {
        var root = SiteComposer.YearFromReports(2023, RegionPath.Root, Sample(), [2023]);
        Assert.Equal(2, root.Regions.Single(r => r.Region == Beijing).Figures.Reports);
        var beijing = SiteComposer.YearFromReports(2023, Beijing, Sample(), [2023]);
        Assert.Equal(["bj-gaj"], beijing.Reports.Select(r => r.AgencyId));
        Assert.Equal([Beijing.Child("海淀区")], beijing.Regions.Select(r => r.Region));
    }

    [Fact]
    public void Year_from_parts_equals_year_from_reports()
    {
        var reports = Sample();
        var fromReports = SiteComposer.YearFromReports(2023, Zhejiang, reports, [2022, 2023]);
        var inZhejiang = reports.Where(r => r.Year == 2023 && Zhejiang.Contains(r.Region)).ToList();
        var children = inZhejiang.Where(r => r.Region.Depth > 1).GroupBy(r => SiteComposer.YearScope(r.Region, 2))
            .Select(g => SiteComposer.Summarise(g.Key, g));
        var fromParts = SiteComposer.Year(2023, Zhejiang, children, inZhejiang.Where(r => r.Region == Zhejiang), [2023, 2022, 2023]);
        AssertEqual(fromReports, fromParts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_model_is_the_same_whatever_the_order_of_its_facts(int seed)
    {
        var reports = Sample();
        var shuffled = Shuffled(reports, seed);
        Assert.NotEqual(reports, shuffled);

        foreach (var scope in new[] { RegionPath.Root, Zhejiang, Jinhua, Beijing })
        {
            AssertEqual(SiteComposer.YearFromReports(2023, scope, reports, [2022, 2023]),
                        SiteComposer.YearFromReports(2023, scope, shuffled, [2023, 2022]));
        }

        var counts = SiteComposer.CountYears(reports);
        Assert.Equal(counts, SiteComposer.CountYears(shuffled));
        Assert.Equal(SiteComposer.Years(counts).Years, SiteComposer.Years(Shuffled(counts, seed)).Years);
        var home = SiteComposer.Home(reports, counts);
        var home2 = SiteComposer.Home(shuffled, Shuffled(counts, seed));
        Assert.Equal(home.Latest, home2.Latest);
        Assert.Equal(home.Years, home2.Years);

        var agencies = reports.Select(r => new SiteAgency(r.AgencyId, r.AgencyName, r.Region, null)).Distinct().ToList();
        var region = SiteComposer.Region(Zhejiang, SiteComposer.ChildRegions(Zhejiang, agencies.Select(a => a.Region)),
            agencies.Where(a => a.Region == Zhejiang).Select(a => SiteComposer.Listing(a, reports)));
        var region2 = SiteComposer.Region(Zhejiang, SiteComposer.ChildRegions(Zhejiang, Shuffled(agencies, seed).Select(a => a.Region)),
            Shuffled(agencies, seed).Where(a => a.Region == Zhejiang).Select(a => SiteComposer.Listing(a, shuffled)));
        Assert.Equal(region.Children, region2.Children);
        Assert.Equal(region.Agencies.Select(a => (a.Agency, string.Join(',', a.Years))), region2.Agencies.Select(a => (a.Agency, string.Join(',', a.Years))));

        var lanxi = agencies.Single(a => a.Id == "lanxi-wlj");
        Assert.Equal(SiteComposer.Agency(lanxi, reports).Reports, SiteComposer.Agency(lanxi, shuffled).Reports);
    }

    [Fact]
    public void Reports_sort_by_agency_name_in_pinyin_then_id()
    {
        // 北 (bei) < 杭 (hang) < 金 (jin) < 兰 (lan) < 浙 (zhe) in pinyin, unlike their code points.
        var page = SiteComposer.Year(2023, Zhejiang, [], Sample().Where(r => r.Year == 2023), [2023]);
        Assert.Equal(["北京市公安局", "北京市海淀区人民政府", "杭州市富阳区人民政府", "杭州市教育局", "金华市财政局", "兰溪市文化和旅游局", "浙江省人民政府办公厅"],
            page.Reports.Select(r => r.AgencyName));
        var twins = new[] { Report("b-id", "同名局", Lanxi, 2023, 1), Report("a-id", "同名局", Lanxi, 2023, 1) };
        Assert.Equal(["a-id", "b-id"], SiteComposer.Year(2023, Lanxi, [], twins, [2023]).Reports.Select(r => r.AgencyId));
    }

    [Fact]
    public void Latest_is_newest_first_capped_and_ties_break_by_agency_then_year()
    {
        var reports = Enumerable.Range(0, 30).Select(i => Report($"a{i:00}", $"机关{i}", Lanxi, 2023, i, daysAfter: i / 2)).ToList();
        var latest = SiteComposer.Latest(reports, SiteComposer.LatestCount);
        Assert.Equal(SiteComposer.LatestCount, latest.Count);
        Assert.Equal(["a28", "a29", "a26", "a27"], latest.Take(4).Select(r => r.AgencyId));
        Assert.Equal("a11", latest[^1].AgencyId);
        var sameDay = new[] { Report("x", "甲", Lanxi, 2022, 1), Report("x", "甲", Lanxi, 2023, 1) };
        Assert.Equal([2023, 2022], SiteComposer.Latest(sameDay, 5).Select(r => r.Year));
        Assert.Empty(SiteComposer.Latest(reports, 0));
    }

    [Fact]
    public void Counts_per_year_count_corrections_and_drop_empty_years()
    {
        var counts = SiteComposer.CountYears(Sample());
        Assert.Equal([new YearCount(2023, 7, 1), new YearCount(2022, 1, 0)], counts);
        Assert.Equal(new YearCount(2023, 7, 1), SiteComposer.CountYear(2023, Sample()));
        Assert.Equal([2023], SiteComposer.Years([new YearCount(2021, 0, 0), new YearCount(2023, 2, 0)]).Years.Select(y => y.Year));
    }

    [Fact]
    public void An_agency_at_exactly_a_province_is_listed_on_the_province_page_not_below()
    {
        var agencies = Sample().Select(r => new SiteAgency(r.AgencyId, r.AgencyName, r.Region, null)).Distinct().ToList();
        var tree = SiteComposer.RegionTree(agencies.Select(a => a.Region));
        Assert.Equal(["", "北京市", "北京市/海淀区", "浙江省", "浙江省/杭州市", "浙江省/杭州市/富阳区", "浙江省/金华市", "浙江省/金华市/兰溪市"],
            tree.Select(r => r.Key));

        var atZhejiang = agencies.Where(a => a.Region == Zhejiang).Select(a => SiteComposer.Listing(a, Sample()));
        var page = SiteComposer.Region(Zhejiang, SiteComposer.ChildRegions(Zhejiang, agencies.Select(a => a.Region)), atZhejiang);
        Assert.Equal(["zj-bgs"], page.Agencies.Select(a => a.Agency.Id));
        Assert.Equal([2023], page.Agencies[0].Years);
        Assert.Equal([Hangzhou, Jinhua], page.Children);
        Assert.Equal([RegionPath.Root.Child("北京市"), Zhejiang], SiteComposer.ChildRegions(RegionPath.Root, agencies.Select(a => a.Region)));
    }

    [Fact]
    public void An_agency_page_lists_its_own_reports_newest_year_first()
    {
        var lanxi = new SiteAgency("lanxi-wlj", "兰溪市文化和旅游局", Lanxi, "部门");
        var page = SiteComposer.Agency(lanxi, Sample());
        Assert.Equal([2023, 2022], page.Reports.Select(r => r.Year));
        Assert.True(page.Reports[0].IsCorrection);
        Assert.Equal([2023, 2022], SiteComposer.Listing(lanxi, Sample()).Years);
    }

    [Fact]
    public void Describe_takes_the_agency_from_the_directory_the_year_given_and_the_figures_of_the_report()
    {
        var document = TestReports.Full("2021");
        var agency = new SiteAgency("qingshan-jd", "青山街道办事处", Lanxi.Child("青山街道"), "乡镇街道");
        var earlier = new EarlierVersion(1, Day.AddDays(-10), Day);
        var report = SiteComposer.Describe(document, agency, 2021, Day, Day.AddDays(-10), 2, [earlier], " 更正了表三 ");
        Assert.Equal("qingshan-jd", report.AgencyId);
        Assert.Equal(agency.Region, report.Region);
        Assert.Equal(document.Report.Title, report.Title);
        Assert.Equal("2021", report.Template);
        Assert.True(report.IsCorrection);
        Assert.Equal("更正了表三", report.CorrectionNote);
        Assert.Equal([earlier], report.EarlierVersions);
        Assert.Equal(ReportFigures.Of(document.Report).Values, report.Figures.Values);

        document.Report.Title = "  ";
        Assert.Equal("2021年青山街道办事处政府信息公开工作年度报告", SiteComposer.Describe(document, agency, 2021, Day).Title);
    }

    [Fact]
    public void Sitemaps_split_by_city_with_provinces_and_the_country_in_the_top_one()
    {
        Assert.Equal(SitePaths.RegionSitemap(Jinhua), SiteComposer.SitemapOfAgency(Lanxi));
        Assert.Equal(SitePaths.RegionSitemap(Jinhua), SiteComposer.SitemapOfAgency(Jinhua));
        Assert.Equal(SitePaths.RegionSitemap(Zhejiang), SiteComposer.SitemapOfAgency(Zhejiang));
        Assert.Equal(SitePaths.TopSitemap, SiteComposer.SitemapOfAgency(RegionPath.Root));
        Assert.Equal(SitePaths.TopSitemap, SiteComposer.SitemapOfScope(Zhejiang));
        Assert.Equal(SitePaths.TopSitemap, SiteComposer.SitemapOfScope(RegionPath.Root));
        Assert.Equal(SitePaths.RegionSitemap(Jinhua), SiteComposer.SitemapOfScope(Lanxi));
    }

    [Fact]
    public void A_city_sitemap_from_the_whole_site_equals_one_from_the_city_alone()
    {
        var reports = Sample();
        reports[2] = reports[2] with { EarlierVersions = [new EarlierVersion(1, Day.AddDays(-27), Day.AddDays(3))] };
        var agencies = reports.Select(r => new SiteAgency(r.AgencyId, r.AgencyName, r.Region, null)).Distinct().ToList();
        var regions = SiteComposer.RegionTree(agencies.Select(a => a.Region));
        var yearPages = SiteComposer.YearPages(reports);
        var sitemap = SitePaths.RegionSitemap(Jinhua);

        var whole = SiteComposer.SitemapUrls(sitemap, agencies, reports, regions, yearPages);
        var inJinhua = reports.Where(r => Jinhua.Contains(r.Region)).ToList();
        var partial = SiteComposer.SitemapUrls(sitemap, Shuffled(agencies.Where(a => Jinhua.Contains(a.Region)), 4), Shuffled(inJinhua, 5),
            regions.Where(r => Jinhua.Contains(r)), SiteComposer.YearPages(inJinhua));
        Assert.Equal(whole, partial);
        string[] expected =
        [
            SitePaths.AgencyUrl("jh-czj"), SitePaths.AgencyUrl("lanxi-wlj"),
            SitePaths.RegionUrl(Jinhua), SitePaths.RegionUrl(Lanxi),
            SitePaths.ReportUrl(2022, "lanxi-wlj"), SitePaths.ReportUrl(2023, "jh-czj"), SitePaths.ReportUrl(2023, "lanxi-wlj"),
            SitePaths.VersionUrl(2023, "lanxi-wlj", 1),
            SitePaths.YearUrl(2022, Jinhua), SitePaths.YearUrl(2023, Jinhua),
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), whole.Select(u => u.UrlPath));
        Assert.Equal(whole.Select(u => u.UrlPath).Order(StringComparer.Ordinal), whole.Select(u => u.UrlPath));
        Assert.Equal(Day.AddDays(3), whole.Single(u => u.UrlPath == SitePaths.AgencyUrl("lanxi-wlj")).LastModified);
        Assert.Equal(Day.AddDays(3), whole.Single(u => u.UrlPath == SitePaths.VersionUrl(2023, "lanxi-wlj", 1)).LastModified);
        Assert.Null(whole.Single(u => u.UrlPath == SitePaths.YearUrl(2023, Jinhua)).LastModified);
    }

    [Fact]
    public void The_top_sitemap_lists_the_country_and_province_pages_and_nothing_of_a_city()
    {
        var reports = Sample();
        var agencies = reports.Select(r => new SiteAgency(r.AgencyId, r.AgencyName, r.Region, null)).Distinct().ToList();
        var top = SiteComposer.SitemapUrls(SitePaths.TopSitemap, agencies, reports, SiteComposer.RegionTree(agencies.Select(a => a.Region)),
            SiteComposer.YearPages(reports)).Select(u => u.UrlPath).ToList();
        string[] expected =
        [
            "/", SitePaths.RegionsUrl, SitePaths.RegionUrl(Beijing), SitePaths.RegionUrl(Zhejiang), SitePaths.YearsUrl,
            SitePaths.YearUrl(2022), SitePaths.YearUrl(2022, Zhejiang), SitePaths.YearUrl(2023), SitePaths.YearUrl(2023, Beijing),
            SitePaths.YearUrl(2023, Zhejiang),
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), top);
        // The province's own agency goes to the province's sitemap, not the top one.
        Assert.DoesNotContain(SitePaths.AgencyUrl("zj-bgs"), top);
        var province = SiteComposer.SitemapUrls(SitePaths.RegionSitemap(Zhejiang), agencies, reports, [], []);
        Assert.Equal([SitePaths.AgencyUrl("zj-bgs"), SitePaths.ReportUrl(2023, "zj-bgs")], province.Select(u => u.UrlPath));
    }

    private static void AssertEqual(YearPageModel expected, YearPageModel actual)
    {
        Assert.Equal(expected.Year, actual.Year);
        Assert.Equal(expected.Scope, actual.Scope);
        Assert.Equal(expected.Years, actual.Years);
        Assert.Equal(expected.Reports, actual.Reports);
        Assert.Equal(expected.Regions.Select(r => (r.Region, Figures(r.Figures))), actual.Regions.Select(r => (r.Region, Figures(r.Figures))));
        Assert.Equal(Figures(expected.Total), Figures(actual.Total));
    }

    private static string Figures(ReportFigures f) =>
        $"{f.Reports}|{string.Join(',', f.Values)}|{string.Join(',', f.Incomplete)}";
}
