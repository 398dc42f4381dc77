using System.Globalization;
using PublishPipeline.Addresses;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Site;

/// <summary>
/// Where each file lives in the <c>$web</c> container (or the output folder of a build), and its public URL path.
/// Directory-style URLs (<c>/reports/2020/fuyang-bgs/</c>) are served from <c>…/index.html</c>, as Azure static
/// websites and the dev host do. Paths are relative (no leading slash); URLs are absolute paths (leading slash).
/// Region segments are the region's own name ("浙江省"); agency ids are lowercase ASCII, so a region segment and an
/// agency id never collide under <c>/reports/{year}/</c> (a region name of plain ASCII gets a leading '_').
/// </summary>
public static class SitePaths
{
    public const string Home = "index.html";

    public const string NotFound = "404.html";

    public const string Stylesheet = "assets/site.css";

    public const string Feed = "feed.xml";

    public const string Sitemap = "sitemap.xml";

    public const string Robots = "robots.txt";

    public const string SearchPage = "search/index.html";

    public const string SearchUrl = "/search/";

    /// <summary>Pagefind's output folder (its bundle, index and UI).</summary>
    public const string SearchBundle = "pagefind/";

    public const string YearsPage = "reports/index.html";

    public const string YearsUrl = "/reports/";

    public const string RegionsUrl = "/regions/";

    // ---- one report ----

    public static string ReportDirectory(int year, string agencyId) => ReportAddress.Directory(year, agencyId);

    public static string ReportPage(int year, string agencyId) => ReportDirectory(year, agencyId) + "index.html";

    /// <summary>The open-data download: the JSON contract of the published report.</summary>
    public static string ReportData(int year, string agencyId) => ReportDirectory(year, agencyId) + "report.json";

    /// <summary>One statistical table as CSV (UTF-8 with BOM): <c>proactive</c>, <c>requests</c> or <c>review_litigation</c>.</summary>
    public static string ReportTableCsv(int year, string agencyId, string table) => ReportDirectory(year, agencyId) + table + ".csv";

    /// <summary>The URL path (leading slash) of a report page.</summary>
    public static string ReportUrl(int year, string agencyId) => ReportAddress.Path(year, agencyId);

    /// <summary>An earlier public version of a report, kept reachable after a correction replaced it.</summary>
    public static string VersionDirectory(int year, string agencyId, int version) =>
        ReportDirectory(year, agencyId) + "v" + version.ToString(CultureInfo.InvariantCulture) + "/";

    public static string VersionPage(int year, string agencyId, int version) => VersionDirectory(year, agencyId, version) + "index.html";

    public static string VersionData(int year, string agencyId, int version) => VersionDirectory(year, agencyId, version) + "report.json";

    public static string VersionUrl(int year, string agencyId, int version) => "/" + VersionDirectory(year, agencyId, version);

    // ---- years ----

    /// <summary>A year's reports: the whole country (scope root), a province, or a city (where the reports are listed).</summary>
    public static string YearDirectory(int year, RegionPath scope) => $"reports/{Year(year)}/" + RegionSegments(scope);

    public static string YearPage(int year, RegionPath scope) => YearDirectory(year, scope) + "index.html";

    public static string YearUrl(int year, RegionPath scope) => "/" + YearDirectory(year, scope);

    public static string YearUrl(int year) => YearUrl(year, RegionPath.Root);

    /// <summary>All reports of a year (or of a year in a region) with their figures, one row per report, as CSV.</summary>
    public static string YearCsv(int year, RegionPath scope) => YearDirectory(year, scope) + "reports.csv";

    // ---- regional roll-ups ----

    /// <summary>
    /// A supervised region's roll-up of a year (<c>/reports/2021/浙江省/金华市/兰溪市/rollup/</c>): under the region's
    /// segments, where no agency id can sit (agencies live at <c>/reports/{year}/{agency}/</c>), and beside the
    /// region's year page when the region is one the year pages split by.
    /// </summary>
    public static string RollupDirectory(int year, RegionPath region) => YearDirectory(year, region) + "rollup/";

    /// <summary>The year page that links a region's roll-up: the region's own, or its city's when it lies deeper.</summary>
    public static RegionPath RollupListedAt(RegionPath region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.Truncate(YearListingDepth);
    }

    public static string RollupPage(int year, RegionPath region) => RollupDirectory(year, region) + "index.html";

    public static string RollupUrl(int year, RegionPath region) => "/" + RollupDirectory(year, region);

    /// <summary>The sums, one row per cell (UTF-8 with BOM).</summary>
    public static string RollupCsv(int year, RegionPath region) => RollupDirectory(year, region) + "rollup.csv";

    /// <summary>Every summed report's value of every cell, one row per report.</summary>
    public static string RollupDetailCsv(int year, RegionPath region) => RollupDirectory(year, region) + "rollup-detail.csv";

    /// <summary>The sums in the official Word template.</summary>
    public static string RollupDocx(int year, RegionPath region) => RollupDirectory(year, region) + "rollup.docx";

    /// <summary>The deepest region level the year pages split by: below it, a page lists its reports.</summary>
    public const int YearListingDepth = 2;

    // ---- regions and agencies ----

    public static string RegionDirectory(RegionPath region) => "regions/" + RegionSegments(region);

    public static string RegionPage(RegionPath region) => RegionDirectory(region) + "index.html";

    public static string RegionUrl(RegionPath region) => "/" + RegionDirectory(region);

    public static string AgencyDirectory(string agencyId) => $"agencies/{agencyId}/";

    public static string AgencyPage(string agencyId) => AgencyDirectory(agencyId) + "index.html";

    public static string AgencyUrl(string agencyId) => "/" + AgencyDirectory(agencyId);

    // ---- sitemaps ----

    /// <summary>
    /// <c>sitemap.xml</c> is a sitemap index (whatever the size: a publication then rewrites one small sitemap and the
    /// index only when a city appears or goes) over one sitemap for the pages that do not belong to a city (home, years,
    /// provinces) and one per city-level region (every page under it), so a publication rewrites one small sitemap.
    /// </summary>
    public const string TopSitemap = "sitemaps/site.xml";

    public static string RegionSitemap(RegionPath cityLevel) =>
        cityLevel.IsRoot ? "sitemaps/-.xml" : "sitemaps/" + RegionSegments(cityLevel).TrimEnd('/') + ".xml";

    // ---- helpers ----

    /// <summary>The URL/path segment of a region name: the name itself, or '_' + name when it is plain ASCII.</summary>
    public static string Segment(string regionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regionName);
        var ascii = regionName.All(c => c < 128);
        return ascii ? "_" + regionName : regionName;
    }

    private static string RegionSegments(RegionPath region) =>
        region.IsRoot ? "" : string.Concat(region.Names.Select(n => Segment(n) + "/"));

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The path of the file behind a URL path ("/reports/" → "reports/index.html"), for link checks and hosts.</summary>
    public static string FileForUrl(string urlPath)
    {
        var path = Uri.UnescapeDataString(urlPath.Split('#', '?')[0]).TrimStart('/');
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }
}
