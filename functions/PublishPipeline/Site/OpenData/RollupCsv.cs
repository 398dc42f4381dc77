using PublishPipeline.Rollups;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Site.OpenData;

/// <summary>
/// A roll-up's two CSV files (UTF-8 with BOM, Chinese headers, as the site's other CSVs): the sums, one row per cell
/// with whether it is complete and which reports it leaves out; and the detail, one row per summed report with its
/// value of every cell, so anyone can redo each sum in a spreadsheet.
/// </summary>
public static class RollupCsv
{
    /// <summary>How a detail row shows a cell the report has no number for (the sums leave it out).</summary>
    public const string UnreadMark = "（未读出）";

    public const string MissingMark = "（无此行）";

    public static SiteFile Sums(RegionRollup rollup, RegionPath region)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(region);
        var csv = new CsvBuilder();
        csv.Text("单元格").Text("单元格编号").Text("合计").Text("是否完整").Text("计入的报告数").Text("未计入的报告及原因").EndRow();
        foreach (var cell in rollup.Cells)
        {
            csv.Text(cell.Label).Text(cell.Key.Anchor).Number(cell.Sum).Text(cell.IsComplete ? "完整" : "不完整").Number(cell.Contributions.Count)
                .Text(string.Join("；", cell.Gaps.Select(g => $"{rollup.Summed[g.Source].AgencyName}（{g.Reason}）")))
                .EndRow();
        }

        return csv.ToFile(SitePaths.RollupCsv(rollup.Year, region));
    }

    public static SiteFile Detail(RegionRollup rollup, RegionPath region, Uri siteRoot)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(siteRoot);
        var csv = new CsvBuilder();
        csv.Text("机关").Text("机关编号").Text("版本").Text("报告地址");
        foreach (var cell in rollup.Cells)
        {
            csv.Text($"{cell.Label}（{cell.Key.Anchor}）");
        }

        csv.EndRow();
        for (var i = 0; i < rollup.Summed.Count; i++)
        {
            var source = rollup.Summed[i];
            csv.Text(source.AgencyName).Text(source.AgencyId).Number(source.Version).Text(new Uri(siteRoot, SitePaths.ReportUrl(rollup.Year, source.AgencyId)).ToString());
            foreach (var cell in rollup.Cells)
            {
                if (cell.Contributions.FirstOrDefault(c => c.Source == i) is { } contribution)
                {
                    csv.Number(contribution.Value);
                    continue;
                }

                var gap = cell.Gaps.First(g => g.Source == i);
                _ = gap.Kind switch
                {
                    RollupGapKind.Blank => csv.Empty(),
                    RollupGapKind.Text => csv.Text(gap.Raw),
                    RollupGapKind.Unread => csv.Text(UnreadMark),
                    _ => csv.Text(MissingMark),
                };
            }

            csv.EndRow();
        }

        return csv.ToFile(SitePaths.RollupDetailCsv(rollup.Year, region));
    }
}
