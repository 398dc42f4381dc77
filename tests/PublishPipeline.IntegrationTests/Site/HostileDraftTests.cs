using System.Xml.Linq;
using PublishPipeline.IntegrationTests.Site.Fixture;
using PublishPipeline.Site;
using PublishPipeline.Site.Model;
using Xunit.Abstractions;

namespace PublishPipeline.IntegrationTests.Site;

/// <summary>
/// A draft whose every text field is markup and script (<see cref="HostileText"/>) renders inert wherever the site
/// shows it: no dialog, no script error, none of its elements or <c>javascript:</c> URLs in the DOM, the text on
/// screen as text, under a Content-Security-Policy that allows no inline script.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class HostileDraftTests(SiteFixture site, ITestOutputHelper output)
{
    /// <summary>What in the live DOM could only have come from the draft's markup: the offending elements and attributes.</summary>
    private const string FindInjectedMarkup = """
        () => {
          const found = [];
          const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'];
          for (const element of document.querySelectorAll('*')) {
            for (const attribute of element.attributes) {
              const name = attribute.name.toLowerCase();
              if (name.startsWith('on')) found.push(`<${element.localName} ${name}="${attribute.value}">`);
              const value = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
              if (urlAttributes.includes(name) && value.startsWith('javascript:')) found.push(`<${element.localName} ${name}="${attribute.value}">`);
            }
            if (element.localName === 'img' && element.getAttribute('src') === 'x') found.push('<img src=x>');
            if (element.localName === 'script' && (element.textContent.includes('alert') || (element.getAttribute('src') || '').includes('alert'))) found.push('<script>alert');
            if (element.localName === 'svg' && element.hasAttribute('onload')) found.push('<svg onload>');
          }
          return found;
        }
        """;

    public static TheoryData<string> Pages() =>
    [
        "report", "earlier-version", "agency", "year", "year-province", "year-city", "home",
    ];

    [Theory(Timeout = 180_000)]
    [MemberData(nameof(Pages))]
    public async Task Renders_inert(string pageName)
    {
        var hostile = TestSitePlan.Hostile;
        var region = RegionPath.Parse(hostile.Region);
        var year = TestSitePlan.HostileYear;
        var url = pageName switch
        {
            "report" => SitePaths.ReportUrl(year, hostile.Id),
            "earlier-version" => SitePaths.VersionUrl(year, hostile.Id, 1),
            "agency" => SitePaths.AgencyUrl(hostile.Id),
            "year" => SitePaths.YearUrl(year),
            "year-province" => SitePaths.YearUrl(year, region.Truncate(1)),
            "year-city" => SitePaths.YearUrl(year, region.Truncate(SitePaths.YearListingDepth)),
            _ => "/",
        };

        await using var browser = await site.OpenPageAsync(Viewports.Desktop);
        var fullUrl = site.Server.Url(url);
        Assert.Equal(200, await browser.GoToAsync(fullUrl));

        // Give any handler that might have slipped through (onerror of a broken image, onload of an SVG) time to fire.
        await browser.Page.WaitForTimeoutAsync(300);

        var injected = await browser.Page.EvaluateAsync<string[]>(FindInjectedMarkup);
        var text = await browser.Page.EvaluateAsync<string>("() => document.body.innerText");
        output.WriteLine($"{url}: {injected.Length} injected element(s), {browser.Dialogs.Count} dialog(s), {browser.ConsoleErrors.Count} console error(s)");

        Assert.True(browser.Dialogs.Count == 0, "a dialog opened: " + string.Join("; ", browser.Dialogs));
        Assert.True(browser.ScriptErrors.Count == 0, "script errors: " + string.Join("; ", browser.ScriptErrors));
        Assert.True(browser.ConsoleErrors.Count == 0, "console errors (a blocked or failed script?): " + string.Join("; ", browser.ConsoleErrors));
        Assert.True(injected.Length == 0, "markup from the draft in the DOM: " + string.Join("; ", injected));

        // The agency's name holds what the directory allows (no < or >): each page that lists the report shows it as
        // text. The title carries every payload: the pages that show titles show them as text.
        // (The country's and the province's year pages list regions, not reports.)
        if (pageName is not ("year" or "year-province"))
        {
            if (pageName is "report" or "earlier-version" or "agency")
            {
                foreach (var payload in HostileText.Payloads)
                {
                    Assert.True(text.Contains(payload, StringComparison.Ordinal), $"{url} does not show «{payload}» as text");
                }
            }

            Assert.True(text.Contains(hostile.Name, StringComparison.Ordinal), $"{url} does not show the agency's name «{hostile.Name}» as text");
        }

        var policy = await browser.Page.EvaluateAsync<string?>(
            "() => document.querySelector('meta[http-equiv=\"Content-Security-Policy\" i]')?.getAttribute('content') ?? null");
        AssertPolicyForbidsInlineScript(url, policy);
    }

    [Fact(Timeout = 180_000)]
    public async Task The_report_page_shows_every_hostile_field_as_text()
    {
        var url = SitePaths.ReportUrl(TestSitePlan.HostileYear, TestSitePlan.HostileAgencyId);
        await using var browser = await site.OpenPageAsync(Viewports.Desktop);
        Assert.Equal(200, await browser.GoToAsync(site.Server.Url(url)));
        var text = await browser.Page.EvaluateAsync<string>("() => document.body.innerText");

        // Title, preamble, section headings and text, the correction note, and raw cells, each around its own label.
        foreach (var label in new[] { "年度报告更正版", "导语", "总体情况", "正文第一段", "小标题", "更正说明" })
        {
            Assert.True(text.Contains(HostileText.Around(label), StringComparison.Ordinal), $"{url} does not show the hostile {label} as text");
        }

        foreach (var payload in HostileText.Payloads)
        {
            Assert.True(
                await browser.Page.Locator("td").GetByText(payload, new() { Exact = false }).CountAsync() > 0,
                $"no table cell shows «{payload}»");
        }

        Assert.Empty(browser.Dialogs);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_feed_carries_the_hostile_title_as_text()
    {
        // Well-formed XML whose entry title is the draft's text, not markup.
        await using var file = File.OpenRead(site.SiteFile(SitePaths.Feed));
        var feed = await XDocument.LoadAsync(file, LoadOptions.None, CancellationToken.None);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = feed.Descendants(atom + "entry").Select(e => (string?)e.Element(atom + "title") ?? "").ToList();
        Assert.Contains(titles, t => t.Contains(HostileText.Script, StringComparison.Ordinal));
        Assert.DoesNotContain(feed.Descendants(), e => e.Name.LocalName is "script" or "img" or "svg");
    }

    private static void AssertPolicyForbidsInlineScript(string url, string? policy)
    {
        Assert.False(string.IsNullOrWhiteSpace(policy), $"{url} has no Content-Security-Policy meta element");
        var directives = policy!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0].ToLowerInvariant(), d => d.Length > 1 ? d[1] : "");
        var scripts = directives.GetValueOrDefault("script-src") ?? directives.GetValueOrDefault("default-src");
        Assert.True(scripts is not null, $"{url}: the policy «{policy}» does not restrict scripts");
        Assert.DoesNotContain("'unsafe-inline'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("*", scripts.Split(' '));
        Assert.DoesNotContain("data:", scripts, StringComparison.Ordinal);
    }
}
