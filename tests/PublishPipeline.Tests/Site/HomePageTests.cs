using System.Text;
using PublishPipeline.Site;

namespace PublishPipeline.Tests.Site;

public sealed class HomePageTests
{
    private static readonly DateTimeOffset At = new(2022, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SiteRenderer renderer = new();

    [Fact]
    public async Task Reports_are_grouped_by_year_descending_with_counts_and_links()
    {
        var model = new HomePageModel(
        [
            new("qingshan-jd", "青山街道办事处", 2020, "2020年青山街道办事处政府信息公开工作年度报告", "2019", At),
            new("anhe-zf", "安和镇人民政府", 2021, "2021年安和镇人民政府政府信息公开工作年度报告", "2021", At),
            new("qingshan-jd", "青山街道办事处", 2021, "2021年青山街道办事处政府信息公开工作年度报告", "2021", At),
            new("baoding-sjj", "保定市审计局", 2019, "2019年保定市审计局政府信息公开工作年度报告", "2019", At),
        ],
            At);

        var dom = Html.Parse(await renderer.RenderHomeAsync(model));

        var years = dom.QuerySelectorAll("section.year");
        Assert.Equal(["year-2021", "year-2020", "year-2019"], years.Select(s => s.Id));
        Assert.Contains("（2份）", Html.Text(years[0].QuerySelector("h2")!), StringComparison.Ordinal);
        Assert.Contains("（1份）", Html.Text(years[1].QuerySelector("h2")!), StringComparison.Ordinal);

        var links2021 = years[0].QuerySelectorAll("a");
        Assert.Equal(["安和镇人民政府", "青山街道办事处"], links2021.Select(Html.Text)); // pinyin order: an < qing
        Assert.Equal([SitePaths.ReportUrl(2021, "anhe-zf"), SitePaths.ReportUrl(2021, "qingshan-jd")], links2021.Select(a => a.GetAttribute("href")));
        Assert.Equal(SitePaths.ReportUrl(2019, "baoding-sjj"), years[2].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/reports/2020/qingshan-jd/", years[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(dom.QuerySelector(".empty-state"));
    }

    [Fact]
    public async Task No_reports_shows_the_empty_state()
    {
        var dom = Html.Parse(await renderer.RenderHomeAsync(new HomePageModel([], At)));

        Assert.Equal("暂无已发布的年度报告", Html.Text(dom.QuerySelector(".empty-state")!));
        Assert.Empty(dom.QuerySelectorAll("section.year"));
        Assert.Equal("zh-CN", dom.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Hostile_agency_names_stay_text()
    {
        var model = new HomePageModel([new("x", "<script>alert(1)</script>\"><img src=x onerror=alert(1)>", 2021, "t", "2021", At)], At);

        var dom = Html.Parse(await renderer.RenderHomeAsync(model));

        Assert.Empty(dom.QuerySelectorAll("script, img"));
        Assert.Equal("<script>alert(1)</script>\"><img src=x onerror=alert(1)>", Html.Text(dom.QuerySelector("section.year a")!));
    }

    [Fact]
    public void The_stylesheet_is_served_as_css()
    {
        var (content, contentType) = SiteRenderer.StaticAssets[SitePaths.Stylesheet];

        Assert.StartsWith("text/css", contentType, StringComparison.Ordinal);
        var css = Encoding.UTF8.GetString(content);
        Assert.Contains(".table-scroll", css, StringComparison.Ordinal);
        Assert.Contains("@media print", css, StringComparison.Ordinal);
    }
}
