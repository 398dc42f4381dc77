using System.Globalization;

namespace PublishPipeline.Site.OpenData;

/// <summary>
/// The sitemaps protocol (sitemaps.org 0.9): <c>sitemap.xml</c> is always an index over smaller sitemaps (see
/// <see cref="SitePaths.TopSitemap"/> and <see cref="SitePaths.RegionSitemap"/>), so one publication rewrites one small
/// sitemap and the index, and the 50,000-URL limit of one file is never reached by the site as a whole.
/// </summary>
/// <remarks>
/// Locations are absolute and percent-encoded (<see cref="SiteUrls.Absolute"/>); entries are sorted by path
/// (ordinal) and a path given twice appears once (with its latest lastmod), so the same set gives the same bytes.
/// lastmod is the W3C datetime in UTC.
/// </remarks>
public static class Sitemaps
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The protocol's limit per file, for a urlset and for an index alike.</summary>
    public const int MaxEntries = 50_000;

    public static SiteFile Index(IEnumerable<string> sitemapPaths, Uri siteBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(sitemapPaths);
        ArgumentNullException.ThrowIfNull(siteBaseUrl);
        var paths = sitemapPaths.Select(p => "/" + p.TrimStart('/')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        CheckLimit(paths.Count, SitePaths.Sitemap);

        return XmlOutput.Write(SitePaths.Sitemap, SiteFile.Xml, xml =>
        {
            xml.WriteStartElement("sitemapindex", Namespace);
            foreach (var path in paths)
            {
                xml.WriteStartElement("sitemap", Namespace);
                xml.WriteElementString("loc", Namespace, SiteUrls.Absolute(siteBaseUrl, path));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    public static SiteFile UrlSet(string path, IEnumerable<SitemapUrl> urls, Uri siteBaseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(siteBaseUrl);
        var entries = urls
            .GroupBy(u => u.UrlPath, StringComparer.Ordinal)
            .Select(g => new SitemapUrl(g.Key, g.Max(u => u.LastModified)))
            .OrderBy(u => u.UrlPath, StringComparer.Ordinal)
            .ToList();
        CheckLimit(entries.Count, path);

        return XmlOutput.Write(path, SiteFile.Xml, xml =>
        {
            xml.WriteStartElement("urlset", Namespace);
            foreach (var url in entries)
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, SiteUrls.Absolute(siteBaseUrl, url.UrlPath));
                if (url.LastModified is { } modified)
                {
                    xml.WriteElementString("lastmod", Namespace, modified.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    private static void CheckLimit(int count, string path)
    {
        if (count > MaxEntries)
        {
            throw new InvalidOperationException(
                $"{path} would list {count.ToString(CultureInfo.InvariantCulture)} entries; a sitemap file holds at most {MaxEntries.ToString(CultureInfo.InvariantCulture)}: split it");
        }
    }
}
