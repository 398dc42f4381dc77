using System.Globalization;

namespace PublishPipeline.Addresses;

/// <summary>
/// Where a published report lives on the public site: <c>reports/{year}/{agency}/</c>. The site lays out its files
/// under it (<c>SitePaths</c>), and the links in emails and the submission record point to it, so the
/// scheme has one owner below both.
/// </summary>
public static class ReportAddress
{
    /// <summary>The report's folder in <c>$web</c> (relative, no leading slash).</summary>
    public static string Directory(int year, string agencyId) =>
        $"reports/{year.ToString(CultureInfo.InvariantCulture)}/{agencyId}/";

    /// <summary>The URL path (leading slash) of the report page.</summary>
    public static string Path(int year, string agencyId) => "/" + Directory(year, agencyId);
}
