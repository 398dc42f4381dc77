using PublishPipeline.Site.Model;

namespace PublishPipeline.Site.OpenData;

/// <summary>
/// All reports of one year in a scope (the country, a province, a city), one row per report with its publication facts
/// and figures: the researcher's download beside each year page.
/// </summary>
/// <remarks>
/// <para>Headers read "中文（key）" (the ASCII key in full-width brackets): CSV allows one header row, and this keeps the
/// Chinese label for people and a stable key for programs. The measure columns follow <see cref="ReportFigures.Measures"/>
/// (label and key), so a new measure adds a column at the end.</para>
/// <para>Columns: agency_id, agency_name, region (the directory's "浙江省/金华市/兰溪市"; empty for a national agency),
/// year, template (2019/2021 or empty), title, published_at (the live version), first_published_at (the first
/// version; the same as published_at when never corrected), version, url (the page's path), then the measures (an
/// empty field where the report had no number: blank is not 0). Times are ISO 8601 in Beijing time
/// (<see cref="SiteUrls.Timestamp"/>).</para>
/// <para>Rows: the reports of <c>year</c> inside <c>scope</c> (others passed in are left out), ordered by region key
/// then agency id (ordinal), so the same reports give the same bytes. Text fields carry the CSV-injection guard of
/// <see cref="CsvBuilder"/>. UTF-8 with BOM, CRLF.</para>
/// </remarks>
public static class YearCsv
{
    private static readonly (string Label, string Key)[] FactColumns =
    [
        ("机关代码", "agency_id"),
        ("机关名称", "agency_name"),
        ("地区", "region"),
        ("年度", "year"),
        ("报告格式", "template"),
        ("标题", "title"),
        ("发布时间", "published_at"),
        ("首次发布时间", "first_published_at"),
        ("版本", "version"),
        ("页面", "url"),
    ];

    public static SiteFile For(int year, RegionPath scope, IEnumerable<SiteReport> reports)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(reports);

        var rows = reports
            .Where(r => r.Year == year && scope.Contains(r.Region))
            .OrderBy(r => r.Region.Key, StringComparer.Ordinal)
            .ThenBy(r => r.AgencyId, StringComparer.Ordinal)
            .ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in rows)
        {
            if (!seen.Add(report.AgencyId))
            {
                throw new ArgumentException($"agency '{report.AgencyId}' has two live reports for {year}: a report is one (agency, year)", nameof(reports));
            }
        }

        var csv = new CsvBuilder();
        foreach (var (label, key) in FactColumns)
        {
            csv.Text(TableCsv.Header(label, key));
        }

        foreach (var (key, label) in ReportFigures.Measures)
        {
            csv.Text(TableCsv.Header(label, key));
        }

        csv.EndRow();
        foreach (var report in rows)
        {
            csv.Text(report.AgencyId)
                .Text(report.AgencyName)
                .Text(report.Region.Key)
                .Number(report.Year)
                .Text(report.Template)
                .Text(report.Title)
                .Text(SiteUrls.Timestamp(report.PublishedAt))
                .Text(SiteUrls.Timestamp(report.FirstPublishedAt ?? report.PublishedAt))
                .Number(report.Version)
                .Text(SitePaths.ReportUrl(report.Year, report.AgencyId));
            var values = report.Figures.Values;
            for (var i = 0; i < ReportFigures.Measures.Count; i++)
            {
                csv.Number(i < values.Length ? values[i] : null);
            }

            csv.EndRow();
        }

        return csv.ToFile(SitePaths.YearCsv(year, scope));
    }
}
