using System.Globalization;
using PublishPipeline.Calendar;

namespace PublishPipeline.Site.OpenData;

/// <summary>Absolute URLs for the feed, sitemaps and robots.txt, and the one timestamp format of the open data.</summary>
public static class SiteUrls
{
    /// <summary>
    /// The site's base URL (it may carry a path, as Azurite's <c>…/devstoreaccount1/$web/</c> does) plus a raw URL
    /// path as <see cref="SitePaths"/> gives it ("/reports/2020/浙江省/"), each segment percent-encoded (UTF-8), so
    /// the result is plain ASCII. Pass paths unescaped: a '%' in a path is encoded as data.
    /// </summary>
    public static string Absolute(Uri siteBaseUrl, string urlPath)
    {
        ArgumentNullException.ThrowIfNull(siteBaseUrl);
        ArgumentNullException.ThrowIfNull(urlPath);
        if (!siteBaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException($"the site's base URL must be absolute: '{siteBaseUrl}'", nameof(siteBaseUrl));
        }

        var root = siteBaseUrl.GetLeftPart(UriPartial.Path);
        if (!root.EndsWith('/'))
        {
            root += "/";
        }

        var relative = urlPath.TrimStart('/');
        return relative.Length == 0 ? root : root + string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>
    /// RFC 3339 / ISO 8601 in Beijing time ("2022-01-20T10:00:00+08:00"; fractions of a second only when there are
    /// any): the calendar day a reader in China sees, and exact for a machine.
    /// </summary>
    public static string Timestamp(DateTimeOffset instant) =>
        ChinaTime.ToChina(instant).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
