using System.Globalization;
using PublishPipeline.Reports;

namespace PublishPipeline.Rollups;

/// <summary>
/// A region's statistics for a year: the cell-by-cell sums of tables 二, 三 and 四 over the published reports in the
/// year's template (<see cref="Summed"/>), each cell with every report's value and the reports it could not add; the
/// published reports in another template (<see cref="OtherTemplate"/>, named, not summed: the two templates' tables
/// do not map cell to cell); the agencies with nothing published (<see cref="NotPublished"/>). Built by
/// <see cref="RollupCalculator"/>; a pure value, so the page, the CSV and the Word document all say the same.
/// </summary>
public sealed class RegionRollup
{
    private readonly Dictionary<RollupCellKey, RollupCell> byKey;

    internal RegionRollup(
        string regionName,
        int year,
        ReportTemplate template,
        IReadOnlyList<RollupSource> summed,
        IReadOnlyList<RollupSource> otherTemplate,
        IReadOnlyList<RollupAgency> notPublished,
        IReadOnlyList<RollupCell> cells)
    {
        RegionName = regionName;
        Year = year;
        Template = template;
        Summed = summed;
        OtherTemplate = otherTemplate;
        NotPublished = notPublished;
        Cells = cells;
        byKey = cells.ToDictionary(c => c.Key);
    }

    public string RegionName { get; }

    public int Year { get; }

    /// <summary>The template of <see cref="Year"/>: the one the region's own report uses and the sums follow.</summary>
    public ReportTemplate Template { get; }

    /// <summary>The published reports in <see cref="Template"/>, by agency name: the reports the sums are made of.</summary>
    public IReadOnlyList<RollupSource> Summed { get; }

    /// <summary>Published reports in another template (or none recognised): named, not summed.</summary>
    public IReadOnlyList<RollupSource> OtherTemplate { get; }

    /// <summary>Agencies of the region with no published report for the year.</summary>
    public IReadOnlyList<RollupAgency> NotPublished { get; }

    /// <summary>Every cell of the template's three tables, in the template's order.</summary>
    public IReadOnlyList<RollupCell> Cells { get; }

    public RollupCell Cell(RollupCellKey key) => byKey[key];

    /// <summary>Whether every summed report's every cell is in the sums.</summary>
    public bool IsComplete => Cells.All(c => c.IsComplete);

    /// <summary>How many cells of each summed report could not be added (by index in <see cref="Summed"/>; reports with none are absent).</summary>
    public IReadOnlyDictionary<int, int> GapsBySource =>
        Cells.SelectMany(c => c.Gaps).GroupBy(g => g.Source).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The title of the roll-up: 2021年兰溪市政府信息公开工作年度报告（统计汇总）.</summary>
    public string Title => $"{Year.ToString(CultureInfo.InvariantCulture)}年{RegionName}政府信息公开工作年度报告（统计汇总）";

    /// <summary>How people name a template: 2019年试行格式, 2021年格式; "未识别的格式" when none was recognised.</summary>
    public static string TemplateName(string? templateId) => templateId switch
    {
        null => "未识别的格式",
        "2019" => "2019年试行格式",
        _ => $"{templateId}年格式",
    };

    /// <summary>
    /// What the roll-up covers, in sentences (the Word document's first part and the page's summary): the reports
    /// summed, those not summed and why, the reports with cells left out, the agencies not included.
    /// </summary>
    public IReadOnlyList<string> Statement()
    {
        var lines = new List<string>
        {
            $"本汇总为{RegionName}所辖机关{Year.ToString(CultureInfo.InvariantCulture)}年度政府信息公开工作年度报告统计表（表二、表三、表四）的逐格相加，"
            + $"按{TemplateName(Template.Id)}汇总，计入已发布报告{Summed.Count}份。",
        };
        lines.Add(Summed.Count == 0 ? "计入汇总的报告：无。" : "计入汇总的报告：" + string.Join("、", Summed.Select(s => s.AgencyName)) + "。");
        if (OtherTemplate.Count > 0)
        {
            lines.Add("未计入汇总（格式与本年度不同，两种格式的统计表不能逐格相加）："
                + string.Join("、", OtherTemplate.Select(s => $"{s.AgencyName}（{TemplateName(s.Report.Template)}）")) + "。");
        }

        var gaps = GapsBySource;
        if (gaps.Count > 0)
        {
            lines.Add("以下报告有单元格空白、不是数字或未能准确读出，这些单元格未计入，相应合计不完整："
                + string.Join("、", gaps.OrderBy(g => g.Key).Select(g => $"{Summed[g.Key].AgencyName}（{g.Value.ToString(CultureInfo.InvariantCulture)}个单元格）")) + "。");
        }

        if (NotPublished.Count > 0)
        {
            lines.Add("尚未发布本年度报告、未计入汇总的机关：" + string.Join("、", NotPublished.Select(a => a.Name)) + "。");
        }

        return lines;
    }

    /// <summary>
    /// The sums as a report in the year's template (title, the statement as part 一, every cell a number), for
    /// <c>ReportTemplateDocument.Create</c>: an incomplete cell holds the sum of what could be added, as the
    /// statement says.
    /// </summary>
    public Report ToReport()
    {
        var template = Template;
        var year = Year.ToString(CultureInfo.InvariantCulture);
        return new Report
        {
            Template = template.Id,
            Year = Year,
            Agency = RegionName,
            Title = Title,
            Period = new ReportPeriod($"{year}-01-01", $"{year}-12-31"),
            Sections = template.Sections.Select(s => new ReportSection
            {
                Number = s.Number,
                Key = s.Key,
                Heading = s.Label,
                Text = s.Key == "overview" ? string.Join("\n", Statement()) : "",
            }).ToList(),
            Tables = new ReportTables
            {
                Proactive = template.Proactive.ToDictionary(
                    item => item.Key,
                    item => item.Rows.ToDictionary(
                        row => row.Key,
                        row => Enumerable.Range(0, item.Columns.Count).Select(c => CellValue.Of(Cell(new RollupCellKey(RollupTable.Proactive, item.Key, row.Key, c)).Sum)).ToList())),
                Requests = template.Requests.Rows.ToDictionary(
                    row => row.Key,
                    row => Enumerable.Range(0, template.Requests.Columns.Count).Select(c => CellValue.Of(Cell(new RollupCellKey(RollupTable.Requests, null, row.Key, c)).Sum)).ToList()),
                ReviewLitigation = template.ReviewLitigation.Groups.ToDictionary(
                    group => group.Key,
                    group => Enumerable.Range(0, template.ReviewLitigation.Columns.Count).Select(c => CellValue.Of(Cell(new RollupCellKey(RollupTable.ReviewLitigation, null, group.Key, c)).Sum)).ToList()),
            },
        };
    }
}
