namespace PublishPipeline.Site;

/// <summary>
/// Where each page lives in the <c>$web</c> container, and its public URL path. Directory-style URLs
/// (<c>/reports/2020/fuyang-bgs/</c>) are served from <c>…/index.html</c>, as Azure static websites and the dev host do.
/// </summary>
public static class SitePaths
{
    public const string Home = "index.html";

    public const string Stylesheet = "assets/site.css";

    public static string ReportDirectory(int year, string agencyId) => $"reports/{year}/{agencyId}/";

    public static string ReportPage(int year, string agencyId) => ReportDirectory(year, agencyId) + "index.html";

    /// <summary>The open-data download: the JSON contract of the published report.</summary>
    public static string ReportData(int year, string agencyId) => ReportDirectory(year, agencyId) + "report.json";

    /// <summary>The URL path (leading slash) of a report page.</summary>
    public static string ReportUrl(int year, string agencyId) => "/" + ReportDirectory(year, agencyId);
}
