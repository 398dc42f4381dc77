using PublishPipeline.Site;
using PublishPipeline.Site.Model;

namespace PublishPipeline.IntegrationTests.Site.Fixture;

/// <summary>One kind of page of the public site, by a sample of it: its URL and the file behind it in the built site.</summary>
public sealed record SitePageType(string Name, string Url, string File)
{
    public override string ToString() => Name;

    /// <summary>A sample of every page type the site has, from the test site's plan.</summary>
    public static IReadOnlyList<SitePageType> All { get; } = Create();

    public static SitePageType Named(string name) => All.Single(p => p.Name == name);

    private static List<SitePageType> Create()
    {
        var year = TestSitePlan.SampleYear;
        var province = new RegionPath([TestSitePlan.SampleProvince]);
        var city = province.Child(TestSitePlan.SampleCity);
        var corrected = TestSitePlan.Corrected;
        SitePageType Of(string name, string url) => new(name, url, SitePaths.FileForUrl(url));
        return
        [
            Of("home", "/"),
            Of("years", SitePaths.YearsUrl),
            Of("year", SitePaths.YearUrl(year)),
            Of("year-province", SitePaths.YearUrl(year, province)),
            Of("year-city", SitePaths.YearUrl(year, city)),
            Of("regions", SitePaths.RegionsUrl),
            Of("region-province", SitePaths.RegionUrl(province)),
            Of("region-city", SitePaths.RegionUrl(city)),
            Of("agency", SitePaths.AgencyUrl(corrected.AgencyId)),
            Of("report", corrected.Url),
            Of("earlier-version", SitePaths.VersionUrl(corrected.Year, corrected.AgencyId, 1)),
            Of("search", SitePaths.SearchUrl),

            // Any missing URL is answered with 404.html.
            new("not-found", "/reports/1999/no-such-agency/", SitePaths.NotFound),
        ];
    }
}
