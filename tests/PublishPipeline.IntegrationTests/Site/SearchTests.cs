using System.Diagnostics;
using Microsoft.Playwright;
using PublishPipeline.IntegrationTests.Site.Fixture;
using PublishPipeline.Site;
using Xunit.Abstractions;

namespace PublishPipeline.IntegrationTests.Site;

/// <summary>
/// Search recall on the served site, in Chromium: Pagefind's own API finds the expected report for known terms (an
/// agency's name, a phrase only one report contains, a township's name), and the search page shows it.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SearchTests(SiteFixture site, ITestOutputHelper output)
{
    private const string PagefindSearch = """
        async (term) => {
          const pagefind = await import('/pagefind/pagefind.js');
          const search = await pagefind.search(term);
          const data = await Promise.all(search.results.map(r => r.data()));
          return data.map(d => d.url);
        }
        """;

    public static TheoryData<string, string> Terms()
    {
        var data = new TheoryData<string, string>();
        foreach (var (term, expected) in TestSitePlan.SearchRecall)
        {
            data.Add(term, expected.Url);
        }

        return data;
    }

    [Theory(Timeout = 180_000)]
    [MemberData(nameof(Terms))]
    public async Task Pagefind_finds_the_expected_report(string term, string expectedUrl)
    {
        await using var browser = await site.OpenPageAsync(Viewports.Desktop);
        Assert.Equal(200, await browser.GoToAsync(site.Server.Url(SitePaths.SearchUrl)));

        var watch = Stopwatch.StartNew();
        var urls = (await browser.Page.EvaluateAsync<string[]>(PagefindSearch, term)).Select(Normalise).ToList();
        output.WriteLine($"「{term}」: {urls.Count} result(s) in {watch.ElapsedMilliseconds} ms; expected {expectedUrl} at rank {urls.IndexOf(expectedUrl) + 1}");
        foreach (var url in urls.Take(10))
        {
            output.WriteLine("  " + url);
        }

        Assert.Contains(expectedUrl, urls);
        Assert.Empty(browser.ScriptErrors);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_phrase_only_one_report_contains_finds_that_report_first()
    {
        await using var browser = await site.OpenPageAsync(Viewports.Desktop);
        Assert.Equal(200, await browser.GoToAsync(site.Server.Url(SitePaths.SearchUrl)));
        var urls = (await browser.Page.EvaluateAsync<string[]>(PagefindSearch, TestSitePlan.DistinctivePhrase)).Select(Normalise).ToList();
        Assert.NotEmpty(urls);
        Assert.Equal(TestSitePlan.DistinctivePhraseReport.Url, urls[0]);
    }

    [Fact(Timeout = 180_000)]
    public async Task The_search_page_shows_results_for_its_query()
    {
        var (term, expected) = TestSitePlan.SearchRecall.Single(t => t.Term == TestSitePlan.DistinctivePhrase);
        await using var browser = await site.OpenPageAsync(Viewports.Mobile);
        Assert.Equal(200, await browser.GoToAsync(site.Server.Url(SitePaths.SearchUrl + "?q=" + Uri.EscapeDataString(term))));

        var result = browser.Page.Locator($"a[href*=\"{expected.Url}\"]").First;
        await result.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });
        Assert.Empty(browser.ScriptErrors);
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact(Timeout = 180_000)]
    public async Task The_search_box_on_the_home_page_leads_to_results()
    {
        var (term, expected) = TestSitePlan.SearchRecall[0];
        await using var browser = await site.OpenPageAsync(Viewports.Desktop);
        Assert.Equal(200, await browser.GoToAsync(site.Server.Url("/")));

        var box = browser.Page.GetByRole(AriaRole.Searchbox).First;
        await box.FillAsync(term);
        await box.PressAsync("Enter");
        await browser.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == SitePaths.SearchUrl);

        await browser.Page.Locator($"a[href*=\"{expected.Url}\"]").First
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });
        Assert.Empty(browser.ScriptErrors);
    }

    /// <summary>A result URL as a site path: decoded, without origin or a trailing index.html.</summary>
    private static string Normalise(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url.Split('#', '?')[0];
        path = Uri.UnescapeDataString(path);
        return path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path;
    }
}
