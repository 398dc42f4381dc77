using AngleSharp.Html.Parser;
using PublishPipeline.IntegrationTests.Site.Fixture;
using PublishPipeline.Site;
using Xunit.Abstractions;

namespace PublishPipeline.IntegrationTests.Site;

/// <summary>The built test site holds what its plan says: a page per live report and agency, and the correction's versions.</summary>
[Collection(SiteCollection.Name)]
public sealed class SiteBuildTests(SiteFixture site, ITestOutputHelper output)
{
    [Fact(Timeout = 30_000)]
    public Task Every_planned_report_and_agency_has_its_page() => Task.Run(() =>
    {
        var files = site.SiteFiles().ToList();
        output.WriteLine($"{site.InputDocuments} input documents → {files.Count} files (search index included), built in {site.BuildTime.TotalSeconds:F1} s");

        var live = TestSitePlan.LiveReports.ToList();
        Assert.True(live.Count >= 60, $"the plan has only {live.Count} reports");
        Assert.True(live.Select(r => TestReportFactory.Create(r).Report.Template).Distinct().Count() == 2, "both national templates are used");

        var missing = live.Where(r => !File.Exists(site.SiteFile(SitePaths.ReportPage(r.Year, r.AgencyId))))
            .Select(r => r.ToString())
            .Concat(TestSitePlan.Agencies.Where(a => a.Years.Count > 0 && !File.Exists(site.SiteFile(SitePaths.AgencyPage(a.Id)))).Select(a => "agency " + a.Id))
            .ToList();
        Assert.True(missing.Count == 0, "pages missing: " + string.Join(", ", missing));
        Assert.True(files.Any(f => f.StartsWith(SitePaths.SearchBundle, StringComparison.Ordinal)), "no search index was built");
    });

    [Fact(Timeout = 30_000)]
    public Task The_correction_shows_its_note_and_keeps_the_earlier_version_reachable() => Task.Run(() =>
    {
        var corrected = TestSitePlan.Corrected;
        var liveUrl = corrected.Url;
        var earlierUrl = SitePaths.VersionUrl(corrected.Year, corrected.AgencyId, 1);
        var parser = new HtmlParser();

        var live = parser.ParseDocument(File.ReadAllText(site.SiteFile(SitePaths.ReportPage(corrected.Year, corrected.AgencyId))));
        Assert.Contains(TestSitePlan.CorrectionNote, live.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(live.QuerySelectorAll("a[href]"), a => Resolves(liveUrl, a.GetAttribute("href")!, earlierUrl));

        var earlier = parser.ParseDocument(File.ReadAllText(site.SiteFile(SitePaths.VersionPage(corrected.Year, corrected.AgencyId, 1))));
        Assert.Contains(earlier.QuerySelectorAll("a[href]"), a => Resolves(earlierUrl, a.GetAttribute("href")!, liveUrl));
    });

    private static bool Resolves(string pageUrl, string href, string expected) =>
        Uri.TryCreate(new Uri(new Uri("http://site.test"), pageUrl), href, out var target) && target.AbsolutePath == expected;
}
