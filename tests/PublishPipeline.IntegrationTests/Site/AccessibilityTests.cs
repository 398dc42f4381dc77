using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using PublishPipeline.IntegrationTests.Site.Fixture;
using Xunit.Abstractions;

namespace PublishPipeline.IntegrationTests.Site;

/// <summary>axe-core in Chromium finds no serious or critical violation on any page type, on a desktop or a phone.</summary>
[Collection(SiteCollection.Name)]
public sealed class AccessibilityTests(SiteFixture site, ITestOutputHelper output)
{
    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in SitePageType.All)
        {
            foreach (var (viewport, _) in Viewports.Both)
            {
                data.Add(page.Name, viewport);
            }
        }

        return data;
    }

    [Theory(Timeout = 180_000)]
    [MemberData(nameof(Pages))]
    public async Task No_serious_or_critical_violation(string pageType, string viewport)
    {
        var page = SitePageType.Named(pageType);
        await using var browser = await site.OpenPageAsync(viewport == "mobile" ? Viewports.Mobile : Viewports.Desktop);
        var url = site.Server.Url(page.Url);
        var status = await browser.GoToAsync(url);
        Assert.Equal(pageType == "not-found" ? 404 : 200, status);

        var watch = Stopwatch.StartNew();
        var result = await browser.Page.RunAxe(new AxeRunOptions
        {
            // Off by default in axe; a data table whose cells have no header is exactly what the report tables must not be.
            Rules = new Dictionary<string, RuleOptions> { ["td-has-header"] = new() { Enabled = true } },
        });
        output.WriteLine($"axe on {page.Url} at {viewport}: {watch.ElapsedMilliseconds} ms, {result.Violations.Length} violation(s), {result.Passes.Length} rules passed");

        foreach (var violation in result.Violations)
        {
            output.WriteLine($"[{violation.Impact}] {violation.Id}: {violation.Help} ({violation.Nodes.Length} node(s))");
        }

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Name} ({page.Url}) at {viewport}:\n" + string.Join("\n", serious.Select(Describe)));
        Assert.Empty(browser.FailedSubresources(url));
    }

    private static string Describe(AxeResultItem violation) =>
        $"[{violation.Impact}] {violation.Id}: {violation.Help}\n" +
        string.Join("\n", violation.Nodes.Take(5).Select(n => $"    {n.Target}: {n.Html}"));
}
