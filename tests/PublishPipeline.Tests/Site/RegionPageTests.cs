using PublishPipeline.Site;
using PublishPipeline.Site.Model;
using static PublishPipeline.Tests.Site.SiteFixtures;

namespace PublishPipeline.Tests.Site;

public sealed class RegionPageTests
{
    private readonly SitePages pages = new();

    [Fact]
    public async Task A_region_links_its_children_and_its_own_agencies_with_their_reports()
    {
        var listings = new[]
        {
            new AgencyListing(new SiteAgency("jinhua-tjj", "金华市统计局", Jinhua, "市级"), [2020, 2021]),
            new AgencyListing(new SiteAgency("jinhua-bgs", "金华市人民政府办公室", Jinhua, null), []),
        };

        var dom = Dom(await pages.RegionAsync(new RegionPageModel(Jinhua, [Yiwu, Lanxi], listings)));

        Assert.Equal(["/", "/regions/", "/regions/浙江省/"], Hrefs(dom.QuerySelector("nav.breadcrumb")!));
        Assert.Equal("金华市", Html.Text(dom.QuerySelector("nav.breadcrumb [aria-current=page]")!));
        Assert.Equal("浙江省金华市", Html.Text(dom.QuerySelector("h1")!));
        Assert.Equal(["/regions/浙江省/金华市/兰溪市/", "/regions/浙江省/金华市/义乌市/"], Hrefs(dom.QuerySelector("ul.region-list")!));

        var rows = dom.QuerySelectorAll("table.agencies tbody tr");
        Assert.Equal(["金华市人民政府办公室", "金华市统计局"], rows.Select(tr => Html.Text(tr.QuerySelector("th")!)));
        Assert.Equal(["/agencies/jinhua-bgs/"], Hrefs(rows[0]));
        Assert.Equal("暂无", Html.Text(rows[0].QuerySelectorAll("td")[1]));
        Assert.Equal(["/agencies/jinhua-tjj/", "/reports/2021/jinhua-tjj/", "/reports/2020/jinhua-tjj/"], Hrefs(rows[1]));
        Assert.Equal("市级", Html.Text(rows[1].QuerySelectorAll("td")[0]));
        Assert.Equal("2021年（金华市统计局）", Html.Text(rows[1].QuerySelector("a[href='/reports/2021/jinhua-tjj/']")!));
        Assert.Equal("（金华市统计局）", Html.Text(rows[1].QuerySelector("a[href='/reports/2021/jinhua-tjj/'] .visually-hidden")!));
    }

    [Fact]
    public async Task The_root_is_the_region_index()
    {
        var file = await pages.RegionAsync(new RegionPageModel(RegionPath.Root, [Zhejiang, Anhui], []));
        var dom = Dom(file);

        Assert.Equal("regions/index.html", file.Path);
        Assert.Equal(["/"], Hrefs(dom.QuerySelector("nav.breadcrumb")!));
        Assert.Equal(["/regions/安徽省/", "/regions/浙江省/"], Hrefs(dom.QuerySelector("ul.region-list")!));
    }

    [Fact]
    public async Task The_same_directory_in_any_order_gives_the_same_bytes_and_hostile_names_stay_text()
    {
        var region = Jinhua.Child(Img);
        var listings = Enumerable.Range(0, 12)
            .Select(i => new AgencyListing(new SiteAgency($"agency-{i:D2}", i == 0 ? Hostile : $"机关{(char)('甲' + (i % 4))}", region, Script), [2021, 2019, 2020]))
            .ToList();
        RegionPath[] children = [region.Child("乙"), region.Child("甲"), region.Child(Script)];
        var model = new RegionPageModel(region, children, listings);

        var expected = Text(await pages.RegionAsync(model));
        for (var seed = 1; seed <= 4; seed++)
        {
            Assert.Equal(expected, Text(await pages.RegionAsync(model with { Children = Shuffled(children, seed), Agencies = Shuffled(listings, seed) })));
        }

        var dom = Html.Parse(expected);
        PrivatePageChecks.AssertNoInjectedMarkup(dom);
        AssertLinksAreSitePaths(dom);
        Assert.Equal(Img, Html.Text(dom.QuerySelector("nav.breadcrumb [aria-current=page]")!));
        Assert.Contains(dom.QuerySelectorAll("table.agencies th a"), a => Html.Text(a) == Hostile);
    }
}
