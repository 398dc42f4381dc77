using PublishPipeline.Reports;

namespace PublishPipeline.Rollups;

/// <summary>
/// Sums a region's published reports cell by cell (tables 二, 三, 四) in the year's template. Decisions, so the sums
/// never hide a gap:
/// <list type="bullet">
/// <item>Only reports in the year's template are summed; a report in the other template (a 2023 report printed in the
/// 2019 tables, or one whose template was not recognised) is named, not summed, since the two templates' tables differ
/// in items, rows and columns and no cell of one is a cell of the other. The region's own report is in the year's
/// template, so that is the sum it needs.</item>
/// <item>A summed report with a blank, text ("/") or unread (C7) cell, or without a row, is still summed in every other
/// cell; the affected cells record it as a gap and read as incomplete, naming the report, rather than dropping the
/// whole report (which would lose its good cells) or counting the gap as 0 (blank is not 0).</item>
/// </list>
/// </summary>
public static class RollupCalculator
{
    /// <summary>
    /// The roll-up of <paramref name="published"/> (the live published version of each agency with one) for
    /// <paramref name="year"/>; <paramref name="notPublished"/> are the region's other agencies.
    /// </summary>
    /// <exception cref="ArgumentException">No national template applies to the year (before 2019).</exception>
    public static RegionRollup Compute(string regionName, int year, IEnumerable<RollupSource> published, IEnumerable<RollupAgency> notPublished)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regionName);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(notPublished);
        var template = TemplateCatalog.ForYear(year)
            ?? throw new ArgumentException($"{year}年没有适用的国家统一报告格式（统一格式自2019年度起施行），无法汇总。", nameof(year));

        var ordered = published.OrderBy(s => s.AgencyName, StringComparer.Ordinal).ThenBy(s => s.AgencyId, StringComparer.Ordinal).ToList();
        var summed = ordered.Where(s => s.Report.Template == template.Id).ToList();
        var other = ordered.Where(s => s.Report.Template != template.Id).ToList();
        var cells = new List<RollupCell>();

        foreach (var item in template.Proactive)
        {
            foreach (var row in item.Rows)
            {
                for (var column = 0; column < item.Columns.Count; column++)
                {
                    var key = new RollupCellKey(RollupTable.Proactive, item.Key, row.Key, column);
                    cells.Add(Sum(key, $"表二 · {item.Label} · {row.Label} · {item.Columns[column].Label}", summed, Read("proactive", $"{item.Key}/{row.Key}", column, t => t.Proactive?.GetValueOrDefault(item.Key)?.GetValueOrDefault(row.Key))));
                }
            }
        }

        foreach (var row in template.Requests.Rows)
        {
            for (var column = 0; column < template.Requests.Columns.Count; column++)
            {
                var key = new RollupCellKey(RollupTable.Requests, null, row.Key, column);
                cells.Add(Sum(key, $"表三 · {row.Label.Replace("/", " · ", StringComparison.Ordinal)} · {template.Requests.Columns[column].Label}", summed, Read("requests", row.Key, column, t => t.Requests?.GetValueOrDefault(row.Key))));
            }
        }

        foreach (var group in template.ReviewLitigation.Groups)
        {
            for (var column = 0; column < template.ReviewLitigation.Columns.Count; column++)
            {
                var key = new RollupCellKey(RollupTable.ReviewLitigation, null, group.Key, column);
                cells.Add(Sum(key, $"表四 · {group.Label.Replace("/", " · ", StringComparison.Ordinal)} · {template.ReviewLitigation.Columns[column].Label}", summed, Read("review_litigation", group.Key, column, t => t.ReviewLitigation?.GetValueOrDefault(group.Key))));
            }
        }

        var left = notPublished.OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        return new RegionRollup(regionName, year, template, summed, other, left, cells);
    }

    // What a report holds in one cell: a printed cell, or one of the two cases with no cell to read.
    private readonly record struct Found(CellValue? Cell, RollupGapKind Gap);

    private static readonly Found Unread = new(null, RollupGapKind.Unread);

    private static readonly Found Missing = new(null, RollupGapKind.Missing);

    /// <summary>How one report's cell is read: unread (C7) rows and missing rows or cells are gaps, never 0.</summary>
    private static Func<Report, Found> Read(string table, string rowKey, int column, Func<ReportTables, List<CellValue>?> row) =>
        report => report.Tables.IsUnread(table, rowKey) ? Unread
            : row(report.Tables) is { } printed && column < printed.Count ? new Found(printed[column], default)
            : Missing;

    private static RollupCell Sum(RollupCellKey key, string label, List<RollupSource> summed, Func<Report, Found> read)
    {
        var contributions = new List<RollupContribution>();
        var gaps = new List<RollupGap>();
        decimal sum = 0;
        for (var i = 0; i < summed.Count; i++)
        {
            var found = read(summed[i].Report);
            if (found.Cell is not { } cell)
            {
                gaps.Add(new RollupGap(i, found.Gap));
            }
            else if (cell.IsNumber)
            {
                contributions.Add(new RollupContribution(i, cell.Number));
                sum += cell.Number;
            }
            else if (cell.IsBlank)
            {
                gaps.Add(new RollupGap(i, RollupGapKind.Blank));
            }
            else
            {
                gaps.Add(new RollupGap(i, RollupGapKind.Text, cell.Raw));
            }
        }

        return new RollupCell { Key = key, Label = label, Sum = sum, Contributions = contributions, Gaps = gaps };
    }
}
