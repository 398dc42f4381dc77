using PublishPipeline.Site;
using static PublishPipeline.Tests.Site.SiteFixtures;

namespace PublishPipeline.Tests.Site;

public sealed class YearsPageTests
{
    private readonly SitePages pages = new();

    [Fact]
    public async Task Each_year_has_its_count_and_corrections_newest_first()
    {
        YearCount[] years = [new(2020, 7, 0), new(2022, 1, 0), new(2021, 4, 2)];

        var file = await pages.YearsAsync(new YearsPageModel(years));
        var dom = Dom(file);

        var rows = dom.QuerySelectorAll("table tbody tr");
        Assert.Equal(["/reports/2022/", "/reports/2021/", "/reports/2020/"], rows.Select(tr => tr.QuerySelector("th[scope=row] a")!.GetAttribute("href")));
        Assert.Equal(["2021年", "4", "2"], rows[1].Children.Select(Html.Text));
        Assert.All(dom.QuerySelectorAll("table th"), th => Assert.True(th.HasAttribute("scope")));
        Assert.Equal("/", dom.QuerySelector("nav.breadcrumb a")!.GetAttribute("href"));
        Assert.Equal(Text(file), Text(await pages.YearsAsync(new YearsPageModel(Shuffled(years, 3)))));
    }
}
