using System.Globalization;
using System.Xml;
using PublishPipeline.Calendar;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Site.OpenData;

/// <summary>
/// The Atom 1.0 feed (RFC 4287) of publications and corrections: one entry per live report the caller lists.
/// </summary>
/// <remarks>
/// <para>Deterministic: the feed's <c>&lt;updated&gt;</c> is the newest entry's publication time, never the build
/// clock (an empty feed says 1970-01-01T00:00:00Z), and entries are sorted here (PublishedAt newest first, then agency
/// id, then year), so the same reports give the same bytes however the caller ordered them.</para>
/// <para>An entry's id is the absolute URL of its version's page (<see cref="SitePaths.VersionUrl"/>): unique and
/// stable per (agency, year, version), so a correction is a new entry and feed readers show it, while a re-render of
/// the same version is not. Its link is the report's page (<see cref="SitePaths.ReportUrl(int, string)"/>).</para>
/// </remarks>
public static class AtomFeed
{
    public const string Namespace = "http://www.w3.org/2005/Atom";

    public const string Title = SiteText.SiteName + "：最新发布与更正";

    public const string CorrectionPrefix = "更正：";

    public static SiteFile For(IEnumerable<SiteReport> latest, Uri siteBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(siteBaseUrl);
        var entries = latest
            .OrderByDescending(r => r.PublishedAt)
            .ThenBy(r => r.AgencyId, StringComparer.Ordinal)
            .ThenBy(r => r.Year)
            .ThenByDescending(r => r.Version)
            .ToList();
        var updated = entries.Count > 0 ? entries[0].PublishedAt : DateTimeOffset.UnixEpoch;

        return XmlOutput.Write(SitePaths.Feed, SiteFile.Atom, xml =>
        {
            xml.WriteStartElement("feed", Namespace);
            xml.WriteAttributeString("xml", "lang", null, "zh-CN");
            xml.WriteElementString("title", Namespace, Title);
            xml.WriteElementString("subtitle", Namespace, "各级行政机关政府信息公开工作年度报告的发布和更正");
            xml.WriteElementString("id", Namespace, SiteUrls.Absolute(siteBaseUrl, "/"));
            xml.WriteElementString("updated", Namespace, SiteUrls.Timestamp(updated));
            Link(xml, "self", SiteFile.Atom.Split(';')[0], SiteUrls.Absolute(siteBaseUrl, "/" + SitePaths.Feed));
            Link(xml, "alternate", "text/html", SiteUrls.Absolute(siteBaseUrl, "/"));
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, SiteText.SiteName);
            xml.WriteEndElement();

            foreach (var report in entries)
            {
                Entry(xml, report, siteBaseUrl);
            }

            xml.WriteEndElement();
        });
    }

    private static void Entry(XmlWriter xml, SiteReport report, Uri siteBaseUrl)
    {
        var title = XmlOutput.Clean(report.Title).Trim();
        if (title.Length == 0)
        {
            title = $"{Year(report.Year)}年{XmlOutput.Clean(report.AgencyName)}政府信息公开工作年度报告";
        }

        xml.WriteStartElement("entry", Namespace);
        xml.WriteElementString("id", Namespace, SiteUrls.Absolute(siteBaseUrl, SitePaths.VersionUrl(report.Year, report.AgencyId, report.Version)));
        xml.WriteElementString("title", Namespace, report.IsCorrection ? CorrectionPrefix + title : title);
        Link(xml, "alternate", "text/html", SiteUrls.Absolute(siteBaseUrl, SitePaths.ReportUrl(report.Year, report.AgencyId)));
        xml.WriteElementString("published", Namespace, SiteUrls.Timestamp(report.FirstPublishedAt ?? report.PublishedAt));
        xml.WriteElementString("updated", Namespace, SiteUrls.Timestamp(report.PublishedAt));
        xml.WriteStartElement("author", Namespace);
        xml.WriteElementString("name", Namespace, XmlOutput.Clean(report.AgencyName));
        xml.WriteEndElement();
        xml.WriteStartElement("summary", Namespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(Summary(report));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>"机关：…；年度：2020年；地区：浙江省金华市兰溪市。" and, for a correction, when and why it was corrected.</summary>
    internal static string Summary(SiteReport report)
    {
        var region = report.Region.IsRoot ? report.Region.Name : string.Concat(report.Region.Names);
        var summary = $"机关：{XmlOutput.Clean(report.AgencyName)}；年度：{Year(report.Year)}年；地区：{XmlOutput.Clean(region)}。";
        if (report.FirstPublishedAt is { } first)
        {
            summary += $"更正：本报告首次发布于{ChinaTime.FormatDate(first)}，于{ChinaTime.FormatDate(report.PublishedAt)}发布更正后的版本。";
            var note = XmlOutput.Clean(report.CorrectionNote).Trim();
            if (note.Length > 0)
            {
                summary += $"更正说明：{note}";
            }
        }

        return summary;
    }

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
