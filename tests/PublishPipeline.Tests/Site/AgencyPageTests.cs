using PublishPipeline.Site;
using PublishPipeline.Site.Model;
using static PublishPipeline.Tests.Site.SiteFixtures;

namespace PublishPipeline.Tests.Site;

public sealed class AgencyPageTests
{
    private static readonly SiteAgency Agency = new("jinhua-tjj", "金华市统计局", Jinhua, "市级");

    private readonly SitePages pages = new();

    [Fact]
    public async Task Reports_are_listed_newest_first_with_corrections_and_earlier_versions()
    {
        var reports = new[]
        {
            Report("jinhua-tjj", "金华市统计局", Jinhua, 2020),
            Correction(Report("jinhua-tjj", "金华市统计局", Jinhua, 2021)),
        };

        var dom = Dom(await pages.AgencyAsync(new AgencyPageModel(Agency, reports)));

        Assert.Equal("金华市统计局", Html.Text(dom.QuerySelector("h1")!));
        Assert.Equal(["/", "/regions/", "/regions/浙江省/", "/regions/浙江省/金华市/"], Hrefs(dom.QuerySelector("nav.breadcrumb")!));
        Assert.Contains("/regions/浙江省/金华市/", Hrefs(dom.QuerySelector("main > dl.facts")!));

        var items = dom.QuerySelectorAll("ol.agency-reports > li");
        Assert.Equal(["2021年度报告", "2020年度报告"], items.Select(li => Html.Text(li.QuerySelector("h3")!)));
        Assert.Equal(
            ["/reports/2021/jinhua-tjj/", "/reports/2021/jinhua-tjj/v1/", "/reports/2021/jinhua-tjj/v2/", "/reports/2021/jinhua-tjj/report.json"],
            Hrefs(items[0]));
        var facts = items[0].QuerySelectorAll("dt").ToDictionary(Html.Text, dt => Html.Text(dt.NextElementSibling!));
        Assert.Equal("2022年1月20日", facts["发布日期"]);
        Assert.Equal("2022年3月1日", facts["更正日期"]);
        Assert.Equal("第1版（2022年1月20日发布，2022年2月1日被取代）第2版（2022年2月1日发布，2022年3月1日被取代）", facts["更正前的版本"]);
        Assert.Equal(["/reports/2020/jinhua-tjj/", "/reports/2020/jinhua-tjj/report.json"], Hrefs(items[1]));
        Assert.DoesNotContain(items[1].QuerySelectorAll("dt"), dt => Html.Text(dt) == "更正日期");
    }

    [Fact]
    public async Task Order_does_not_matter_and_hostile_text_stays_text()
    {
        var agency = new SiteAgency("jinhua-tjj", Hostile, Jinhua.Child(Img), Script);
        var reports = new[] { 2019, 2021, 2020 }.Select(y => Report("jinhua-tjj", Hostile, agency.Region, y) with { Title = Hostile }).ToList();
        reports[1] = Correction(reports[1]);

        var expected = Text(await pages.AgencyAsync(new AgencyPageModel(agency, reports)));
        var shuffled = reports[1] with { EarlierVersions = [.. reports[1].EarlierVersions.Reverse()] };
        Assert.Equal(expected, Text(await pages.AgencyAsync(new AgencyPageModel(agency, [shuffled, reports[2], reports[0]]))));

        var dom = Html.Parse(expected);
        PrivatePageChecks.AssertNoInjectedMarkup(dom);
        AssertLinksAreSitePaths(dom);
        Assert.Equal(Hostile, Html.Text(dom.QuerySelector("h1")!));
        Assert.All(dom.QuerySelectorAll("p.report-title"), p => Assert.Equal(Hostile, Html.Text(p)));
    }
}
