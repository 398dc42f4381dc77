using AngleSharp.Dom;
using PublishPipeline.Site;
using PublishPipeline.Site.Model;
using static PublishPipeline.Tests.Site.SiteFixtures;

namespace PublishPipeline.Tests.Site;

/// <summary>What every public page shares: its path, the document head and policy, the site header, no script.</summary>
public sealed class SiteShellTests
{
    private const string NoScriptPolicy = "default-src 'self'; script-src 'none'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    private static readonly SitePages Pages = new();

    public static TheoryData<string> PageTypes => new() { "report", "version", "home", "years", "year", "region", "agency", "404" };

    [Fact]
    public async Task Each_page_is_written_to_its_site_path()
    {
        var files = new List<SiteFile>();
        foreach (var type in PageTypes)
        {
            files.Add(await RenderAsync(type));
        }

        files.Add(await Pages.SearchAsync());
        Assert.Equal(
            [
                SitePaths.ReportPage(2021, "lanxi-bgs"), SitePaths.VersionPage(2021, "lanxi-bgs", 2), SitePaths.Home, SitePaths.YearsPage,
                SitePaths.YearPage(2021, Jinhua), SitePaths.RegionPage(Jinhua), SitePaths.AgencyPage("jinhua-tjj"), SitePaths.NotFound, SitePaths.SearchPage,
            ],
            files.Select(f => f.Path));
        Assert.All(files, f => Assert.Equal(SiteFile.Html, f.ContentType));
        Assert.All(files, f => Assert.StartsWith("<!doctype html>", Text(f), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Every_page_has_the_shell_and_runs_no_script(string type)
    {
        var dom = Dom(await RenderAsync(type));

        Assert.Equal("zh-CN", dom.DocumentElement.GetAttribute("lang"));
        Assert.Equal("html", dom.Doctype?.Name);
        Assert.Equal(NoScriptPolicy, Policy(dom));
        Assert.Empty(dom.QuerySelectorAll("script"));
        Assert.Empty(dom.QuerySelectorAll("[style], style"));
        Assert.Equal(["/assets/site.css"], dom.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")));
        Assert.DoesNotContain(dom.All, e => e.Attributes.Any(a => a.Value.Contains("http:", StringComparison.Ordinal) || a.Value.Contains("https:", StringComparison.Ordinal)));
        AssertHeader(dom);
        Assert.Single(dom.QuerySelectorAll("h1"));
        Assert.Single(dom.QuerySelectorAll("main#main"));
        Assert.NotNull(dom.QuerySelector("footer"));
        AssertLinksAreSitePaths(dom);
    }

    [Fact]
    public async Task The_search_page_runs_only_pagefind_and_our_script_from_the_site()
    {
        var file = await Pages.SearchAsync();
        var dom = Dom(file);

        var policy = Policy(dom);
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data:", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Equal(["/pagefind/pagefind-ui.js", "/assets/search.js"], dom.QuerySelectorAll("script").Select(s => s.GetAttribute("src")));
        Assert.All(dom.QuerySelectorAll("script"), s => Assert.Equal("", s.TextContent));
        Assert.Contains("/pagefind/pagefind-ui.css", dom.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")));
        Assert.NotNull(dom.QuerySelector("main #search"));
        Assert.Contains("JavaScript", dom.QuerySelector("noscript")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(dom.QuerySelectorAll("[style]"));
        AssertHeader(dom);
    }

    [Fact]
    public void Assets_are_the_stylesheet_the_search_script_and_the_icon()
    {
        var assets = SitePages.Assets;

        Assert.Equal(["assets/site.css", "assets/search.js", "assets/favicon.svg"], assets.Select(a => a.Path));
        var css = Text(assets[0]);
        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", css, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", css, StringComparison.Ordinal);
        var script = Text(assets[1]);
        Assert.Contains("new PagefindUI({ element: \"#search\", showSubResults: true", script, StringComparison.Ordinal);
        Assert.Contains("triggerSearch", script, StringComparison.Ordinal);
        Assert.Contains("get(\"q\")", script, StringComparison.Ordinal);
        Assert.Contains("aria-label", script, StringComparison.Ordinal);
        Assert.StartsWith("text/javascript", assets[1].ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_404_page_links_home_years_and_search_with_absolute_urls()
    {
        var dom = Dom(await Pages.NotFoundAsync());

        Assert.Equal("页面不存在", Html.Text(dom.QuerySelector("h1")!));
        var main = dom.QuerySelector("main")!;
        Assert.Contains("/", Hrefs(main));
        Assert.Contains("/reports/", Hrefs(main));
        var form = main.QuerySelector("form")!;
        Assert.Equal("/search/", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=q]"));
    }

    [Fact]
    public async Task Nothing_on_a_page_depends_on_when_it_was_rendered()
    {
        foreach (var type in PageTypes)
        {
            var first = Text(await RenderAsync(type));
            await Task.Delay(5);
            Assert.Equal(first, Text(await RenderAsync(type)));
            Assert.DoesNotContain(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), first, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("home", "/", "page")]
    [InlineData("years", "/reports/", "page")]
    [InlineData("year", "/reports/", "true")]
    [InlineData("report", "/reports/", "true")]
    [InlineData("region", "/regions/", "true")]
    [InlineData("agency", "/regions/", "true")]
    public async Task The_navigation_marks_the_current_page_or_section(string type, string href, string current)
    {
        var dom = Dom(await RenderAsync(type));

        var marked = Assert.Single(dom.QuerySelectorAll("nav.site-nav [aria-current]"));
        Assert.Equal(href, marked.GetAttribute("href"));
        Assert.Equal(current, marked.GetAttribute("aria-current"));
    }

    private static void AssertHeader(IDocument dom)
    {
        var header = dom.QuerySelector("body > header")!;
        Assert.Equal("/", header.QuerySelector("a.site-name")!.GetAttribute("href"));
        var nav = header.QuerySelector("nav")!;
        Assert.Equal(["/", "/reports/", "/regions/"], Hrefs(nav));
        Assert.Equal(["首页", "年度", "地区"], nav.QuerySelectorAll("a").Select(Html.Text));
        var form = header.QuerySelector("form")!;
        Assert.Equal("/search/", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        var input = form.QuerySelector("input[name=q]")!;
        Assert.NotNull(dom.QuerySelector($"label[for='{input.Id}']"));
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
    }

    private static string Policy(IDocument dom) =>
        Assert.Single(dom.QuerySelectorAll("meta[http-equiv='Content-Security-Policy']")).GetAttribute("content")!;

    private static Task<SiteFile> RenderAsync(string type)
    {
        var reports = JinhuaReports();
        var agency = new SiteAgency("jinhua-tjj", "金华市统计局", Jinhua, "市级");
        return type switch
        {
            "report" => Pages.ReportAsync(ReportModel()),
            "version" => Pages.ReportAsync(ReportModel() with { Version = 2, ReplacedAt = Corrected }),
            "home" => Pages.HomeAsync(new HomePageModel(reports, [new YearCount(2021, 4, 1)])),
            "years" => Pages.YearsAsync(new YearsPageModel([new YearCount(2021, 4, 1), new YearCount(2020, 2, 0)])),
            "year" => Pages.YearAsync(new YearPageModel(2021, Jinhua, [], reports, ReportFigures.Sum(reports.Select(r => r.Figures)), [2020, 2021])),
            "region" => Pages.RegionAsync(new RegionPageModel(Jinhua, [Lanxi, Yiwu], [new AgencyListing(agency, [2021])])),
            "agency" => Pages.AgencyAsync(new AgencyPageModel(agency, [reports[1]])),
            "404" => Pages.NotFoundAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }
}
