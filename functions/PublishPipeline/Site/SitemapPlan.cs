using PublishPipeline.Site.Model;
using PublishPipeline.Site.OpenData;

namespace PublishPipeline.Site;

/// <summary>
/// Which URL goes in which sitemap, as functions of the facts a publication can read from its own partitions, so that
/// the full build and the live site write the same sitemaps. A city-level region's sitemap (<see cref="SitePaths.RegionSitemap"/>)
/// lists the report pages and earlier versions of the reports listed under it, their agencies' pages and, for a city,
/// its year pages and the region pages inside it; the top sitemap lists the pages above the cities. lastmod is the newest
/// publication a page shows, never the build time.
/// </summary>
public static class SitemapPlan
{
    /// <summary>The sitemap a report's URLs go in: that of its city-level region.</summary>
    public static RegionPath SitemapRegion(RegionPath agencyRegion) => agencyRegion.Truncate(SitePaths.YearListingDepth);

    /// <summary>The URLs of one city-level region's sitemap, from every live report listed under it (all years).</summary>
    public static IReadOnlyList<SitemapUrl> CityUrls(RegionPath city, IEnumerable<SiteReport> reports)
    {
        ArgumentNullException.ThrowIfNull(city);
        var urls = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        void Add(string url, DateTimeOffset at)
        {
            if (!urls.TryGetValue(url, out var seen) || at > seen)
            {
                urls[url] = at;
            }
        }

        foreach (var report in reports)
        {
            Add(SitePaths.ReportUrl(report.Year, report.AgencyId), report.PublishedAt);
            foreach (var earlier in report.EarlierVersions)
            {
                Add(SitePaths.VersionUrl(report.Year, report.AgencyId, earlier.Version), earlier.PublishedAt);
            }

            Add(SitePaths.AgencyUrl(report.AgencyId), report.PublishedAt);
            if (city.Depth == SitePaths.YearListingDepth)
            {
                Add(SitePaths.YearUrl(report.Year, city), report.PublishedAt);
                for (var region = report.Region; region.Depth >= city.Depth; region = region.Parent)
                {
                    Add(SitePaths.RegionUrl(region), report.PublishedAt);
                }
            }
        }

        return Sorted(urls);
    }

    /// <summary>
    /// The top sitemap: home, /reports/, /regions/, each year's page and its provinces' year pages, the provinces' region
    /// pages, from the (year, province) pairs the year pages list (no lastmod: these pages change with any publication).
    /// </summary>
    public static IReadOnlyList<SitemapUrl> TopUrls(IEnumerable<(int Year, RegionPath Province)> provincesByYear)
    {
        var urls = new SortedSet<string>(StringComparer.Ordinal) { "/", SitePaths.YearsUrl, SitePaths.RegionsUrl };
        foreach (var (year, province) in provincesByYear)
        {
            urls.Add(SitePaths.YearUrl(year));
            if (!province.IsRoot)
            {
                urls.Add(SitePaths.YearUrl(year, province));
                urls.Add(SitePaths.RegionUrl(province));
            }
        }

        return urls.Select(u => new SitemapUrl(u, null)).ToList();
    }

    private static List<SitemapUrl> Sorted(Dictionary<string, DateTimeOffset> urls) =>
        urls.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => new SitemapUrl(u.Key, u.Value)).ToList();
}
