using PublishPipeline.Site;
using static PublishPipeline.Tests.Site.SiteFixtures;

namespace PublishPipeline.Tests.Site;

public sealed class HomePageTests
{
    private readonly SitePages pages = new();

    [Fact]
    public async Task Home_lists_the_latest_newest_first_with_dates_and_corrections()
    {
        var reports = JinhuaReports();
        reports[0] = reports[0] with { PublishedAt = Published.AddDays(1) };

        var dom = Dom(await pages.HomeAsync(new HomePageModel(reports, [new YearCount(2021, 4, 1)])));

        var items = dom.QuerySelectorAll("ul.latest li");
        Assert.Equal(
            ["/reports/2021/jinhua-tjj/", "/reports/2021/lanxi-bgs/", "/reports/2021/yiwu-jyj/", "/reports/2021/yiwu-bgs/"],
            items.Select(li => li.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal("金华市统计局 2021年度报告", Html.Text(items[0].QuerySelector("a")!));
        Assert.Equal("2022-03-01", items[0].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("2022年3月1日", Html.Text(items[0].QuerySelector("time")!));
        Assert.Equal("更正", Html.Text(items[0].QuerySelector(".correction-mark")!));
        Assert.All(items.Skip(1), li => Assert.Null(li.QuerySelector(".correction-mark")));
        Assert.Equal("2022年1月21日", Html.Text(items[1].QuerySelector("time")!));
    }

    [Fact]
    public async Task Home_counts_each_year_and_links_years_regions_and_search()
    {
        var dom = Dom(await pages.HomeAsync(new HomePageModel([], [new YearCount(2020, 7, 0), new YearCount(2021, 4, 1)])));

        var years = dom.QuerySelectorAll(".year-counts li");
        Assert.Equal(["/reports/2021/", "/reports/2020/"], years.Select(li => li.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal("2021年 4份，其中更正 1 份", Html.Text(years[0]));
        Assert.Equal("2020年 7份", Html.Text(years[1]));
        var main = dom.QuerySelector("main")!;
        Assert.Contains("/regions/", Hrefs(main));
        Assert.Contains("/reports/", Hrefs(main));
        var search = main.QuerySelector("form")!;
        Assert.Equal("/search/", search.GetAttribute("action"));
        Assert.NotNull(search.QuerySelector("input[name=q]"));
        Assert.Equal("暂无已发布的年度报告", Html.Text(dom.QuerySelector("p.empty-state")!));
    }

    [Fact]
    public async Task The_same_facts_in_any_order_give_the_same_bytes()
    {
        var reports = JinhuaReports().Select(r => r with { PublishedAt = Published }).ToList();
        YearCount[] years = [new(2019, 1, 0), new(2020, 3, 0), new(2021, 4, 1)];

        var expected = Text(await pages.HomeAsync(new HomePageModel(reports, years)));
        for (var seed = 1; seed <= 5; seed++)
        {
            Assert.Equal(expected, Text(await pages.HomeAsync(new HomePageModel(Shuffled(reports, seed), Shuffled(years, seed)))));
        }

        // Same instant: agencies in pinyin order (金华 jin < 兰溪 lan < 义乌 yi).
        Assert.Equal(["金华市统计局", "兰溪市人民政府办公室", "义乌市教育局", "义乌市人民政府办公室"],
            Html.Parse(expected).QuerySelectorAll("ul.latest a").Select(a => Html.Text(a).Split(' ')[0]));
    }

    [Fact]
    public async Task Hostile_agency_names_stay_text()
    {
        var reports = new List<PublishPipeline.Site.Model.SiteReport> { Report("lanxi-bgs", Hostile, Lanxi) with { Title = Hostile } };

        var dom = Dom(await pages.HomeAsync(new HomePageModel(reports, [new YearCount(2021, 1, 0)])));

        PrivatePageChecks.AssertNoInjectedMarkup(dom);
        Assert.Equal($"{Hostile} 2021年度报告", Html.Text(dom.QuerySelector("ul.latest a")!));
    }
}
