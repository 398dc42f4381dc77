using PublishPipeline.Reports;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Site.Views;

/// <summary>One open-data download beside a report page.</summary>
internal sealed record DownloadLink(string Href, string Text, string MediaType);

/// <summary>
/// What a public report page links to, all built from <see cref="SitePaths"/> (ids and directory region names, never
/// draft text): the breadcrumb's year and region pages, the agency page, and the downloads. Null in a preview.
/// </summary>
internal sealed record ReportLinks(int Year, string AgencyId, RegionPath Region, IReadOnlyList<DownloadLink> Downloads)
{
    private static readonly (string Key, StatisticalTable Table)[] Tables =
    [
        ("proactive", StatisticalTable.Proactive),
        ("requests", StatisticalTable.Requests),
        ("review_litigation", StatisticalTable.ReviewLitigation),
    ];

    public string AgencyUrl => SitePaths.AgencyUrl(AgencyId);

    /// <summary>
    /// The downloads of a live page: report.json and one CSV per statistical table the page shows (its
    /// <paramref name="sections"/>); of an earlier version's page: its own report.json only (no CSVs are kept for
    /// earlier versions).
    /// </summary>
    public static ReportLinks For(ReportPageModel model, int year, ReportTemplate? template, List<SectionView> sections)
    {
        var downloads = new List<DownloadLink>(4);
        if (model.ReplacedAt is not null)
        {
            downloads.Add(new DownloadLink("/" + SitePaths.VersionData(year, model.AgencyId, model.Version), "本版本报告数据（JSON）", "application/json"));
            return new ReportLinks(year, model.AgencyId, model.Region, downloads);
        }

        downloads.Add(new DownloadLink("/" + SitePaths.ReportData(year, model.AgencyId), "报告数据（JSON）", "application/json"));
        foreach (var (key, table) in Tables)
        {
            if (Shows(sections, table))
            {
                var label = template!.Sections.FirstOrDefault(s => s.Key == key)?.Label ?? key;
                downloads.Add(new DownloadLink("/" + SitePaths.ReportTableCsv(year, model.AgencyId, key), $"{label}（CSV）", "text/csv"));
            }
        }

        return new ReportLinks(year, model.AgencyId, model.Region, downloads);
    }

    private static bool Shows(List<SectionView> sections, StatisticalTable table)
    {
        foreach (var section in sections)
        {
            if (section.Table == table)
            {
                return true;
            }
        }

        return false;
    }
}
