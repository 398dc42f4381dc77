using PublishPipeline.Reports;

namespace PublishPipeline.Tests;

/// <summary>
/// Consistent reports built in code from the templates: every item, row and cell the template defines, each cell a
/// different number, so a cell rendered in the wrong place is caught.
/// </summary>
internal static class TestReports
{
    public static ReportDocument Full(string templateId)
    {
        var template = TemplateCatalog.Get(templateId);
        var year = templateId == "2019" ? 2020 : 2021;
        var report = new Report
        {
            Template = templateId,
            Year = year,
            Agency = "青山街道办事处",
            Title = $"{year}年青山街道办事处政府信息公开工作年度报告",
            Period = new ReportPeriod($"{year}-01-01", $"{year}-12-31"),
            Sections = template.Sections.Select(s => new ReportSection
            {
                Number = s.Number,
                Key = s.Key,
                Heading = s.Label,
                Text = $"（一）{s.Label}概述\n本部分说明{s.Label}。\n（二）工作措施。本年度持续推进相关工作。",
            }).ToList(),
            Tables = new ReportTables
            {
                Proactive = template.Proactive.ToDictionary(
                    item => item.Key,
                    item => item.Rows.ToDictionary(
                        row => row.Key,
                        row => Enumerable.Range(0, item.Columns.Count).Select(c => CellValue.Of(ProactiveValue(template, item.Key, row.Key, c))).ToList())),
                Requests = template.Requests.Rows.ToDictionary(
                    row => row.Key,
                    row => Enumerable.Range(0, template.Requests.Columns.Count).Select(c => CellValue.Of(RequestsValue(template, row.Key, c))).ToList()),
                ReviewLitigation = template.ReviewLitigation.Groups.ToDictionary(
                    group => group.Key,
                    group => Enumerable.Range(0, template.ReviewLitigation.Columns.Count).Select(c => CellValue.Of(ReviewValue(template, group.Key, c))).ToList()),
            },
        };
        return new ReportDocument { Source = new ReportSource { File = "report.docx", Format = "docx" }, Report = report };
    }

    /// <summary>Table 三: row index × 100 + column index + 1000 — distinct for every cell.</summary>
    public static decimal RequestsValue(ReportTemplate template, string rowKey, int column) =>
        1000 + (IndexOf(template.Requests.Rows, rowKey) * 100) + column;

    /// <summary>Table 四: 5000 + group × 10 + column.</summary>
    public static decimal ReviewValue(ReportTemplate template, string groupKey, int column) =>
        5000 + (IndexOf(template.ReviewLitigation.Groups, groupKey) * 10) + column;

    /// <summary>Table 二: 7000 + item × 100 + row × 10 + column.</summary>
    public static decimal ProactiveValue(ReportTemplate template, string itemKey, string rowKey, int column)
    {
        var itemIndex = template.Proactive.ToList().FindIndex(i => i.Key == itemKey);
        var rowIndex = IndexOf(template.Proactive[itemIndex].Rows, rowKey);
        return 7000 + (itemIndex * 100) + (rowIndex * 10) + column;
    }

    private static int IndexOf(IReadOnlyList<KeyedLabel> labels, string key) => labels.ToList().FindIndex(l => l.Key == key);
}
