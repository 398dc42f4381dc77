using System.Globalization;
using System.Text;

namespace PublishPipeline.Reports;

/// <summary>
/// How a finding reads to a person (in emails and on the submission status page): its location named with the template's own labels (表 / 行 / 列), and its
/// expected and actual values as plain numbers. The same text goes into the HTML and the plain-text body.
/// </summary>
internal static class FindingText
{
    public const string None = "—";

    public static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? None;

    /// <summary>"表：收到和处理政府信息公开申请情况；行：四、结转下年度继续办理；列：总计", or "—" when the finding has no location.</summary>
    /// <remarks>
    /// Keys are looked up in the year's template first, then in the other: a report written in the other format (a 2021
    /// report on the 2019 form, a report whose year could not be read) has that format's rows and columns. A key no
    /// template knows is described, not printed: people never read an internal key.
    /// </remarks>
    public static string Location(Finding finding, int? year)
    {
        var location = finding.Location;
        if (location is null)
        {
            return None;
        }

        var templates = Templates(year);
        var parts = new List<string>(4);
        if (location.Table is { } table)
        {
            parts.Add($"表：{First(templates, t => TableLabel(t, table)) ?? "统计表"}");
            var row = location.Row is { } rowKey ? First(templates, t => RowLabel(t, table, rowKey)) ?? "（未能识别的行）" : null;
            var column = location.Column is { } columnKey ? First(templates, t => ColumnLabel(t, table, location.Row, columnKey)) ?? "（未能识别的列）" : null;
            if (row is not null)
            {
                parts.Add($"行：{row}");
            }

            if (column is not null)
            {
                parts.Add($"列：{column}");
            }
        }
        else if (location.Section is { } section)
        {
            parts.Add(First(templates, t => SectionName(t, section)) ?? OutsideTheParts(section));
        }

        if (location.Line is int line)
        {
            parts.Add($"原文第 {line} 行");
        }

        return parts.Count == 0 ? None : string.Join("；", parts);
    }

    /// <summary>The year's template (the latest when the year is unknown), then the others, newest first.</summary>
    private static List<ReportTemplate> Templates(int? year)
    {
        var first = (year is int y ? TemplateCatalog.ForYear(y) : null) ?? TemplateCatalog.All[^1];
        return [first, .. TemplateCatalog.All.Reverse().Where(t => t != first)];
    }

    private static string? First(IEnumerable<ReportTemplate> templates, Func<ReportTemplate, string?> label) =>
        templates.Select(label).FirstOrDefault(l => l is not null);

    /// <summary>A part as the rules' messages name it: 第一部分「总体情况」.</summary>
    private static string? SectionName(ReportTemplate template, string section) =>
        template.Sections.FirstOrDefault(s => s.Key == section || s.Number == section) is { } definition
            ? $"第{definition.Number}部分「{definition.Label}」"
            : null;

    /// <summary>The places a finding points to before the first part (标题, 导语) or in the report's dates, named as a clerk reads them.</summary>
    private static string OutsideTheParts(string section) => section switch
    {
        "title" => "标题",
        "preamble" => "正文开头（导语）",
        "published_at" => "落款或发布日期",
        _ => "报告正文",
    };

    /// <summary>A table's key is the key of the section that holds it (proactive, requests, review_litigation).</summary>
    private static string? TableLabel(ReportTemplate template, string table) =>
        template.Sections.FirstOrDefault(s => s.Key == table)?.Label;

    private static string? RowLabel(ReportTemplate template, string table, string row) => table switch
    {
        "requests" => Label(template.Requests.Row(row)?.Label),
        "review_litigation" => Label(template.ReviewLitigation.Groups.FirstOrDefault(g => g.Key == row)?.Label),
        "proactive" => ProactiveRow(template, row),
        _ => null,
    };

    private static string? ColumnLabel(ReportTemplate template, string table, string? row, string column) => table switch
    {
        "requests" => Label(template.Requests.Columns.FirstOrDefault(c => c.Key == column)?.Label),
        "review_litigation" => Label(template.ReviewLitigation.Columns.FirstOrDefault(c => c.Key == column)?.Label),
        "proactive" => Label((row is null ? null : FindProactiveItem(template, row).Item)?.Columns.FirstOrDefault(c => c.Key == column)?.Label
            ?? template.Proactive.SelectMany(i => i.Columns).FirstOrDefault(c => c.Key == column)?.Label),
        _ => null,
    };

    /// <summary>A table 二 row is either "art20_1.rules" (item and row) or a bare row key found in the template's items.</summary>
    private static string? ProactiveRow(ReportTemplate template, string row)
    {
        var (item, rowKey) = FindProactiveItem(template, row);
        if (item is null)
        {
            return null;
        }

        var rowLabel = item.Rows.FirstOrDefault(r => r.Key == rowKey)?.Label;
        return rowLabel is null ? item.Label : $"{item.Label} {rowLabel}";
    }

    private static (ProactiveItem? Item, string RowKey) FindProactiveItem(ReportTemplate template, string row)
    {
        var separator = row.IndexOfAny(['.', '/']);
        var itemKey = separator > 0 ? row[..separator] : null;
        var rowKey = separator > 0 ? row[(separator + 1)..] : row;
        var item = template.Proactive.FirstOrDefault(i => i.Key == itemKey)
            ?? template.Proactive.FirstOrDefault(i => i.Key == rowKey)
            ?? template.Proactive.FirstOrDefault(i => i.Rows.Any(r => r.Key == rowKey));
        return (item, rowKey);
    }

    /// <summary>The template's label with its "group/item" separator read as a space.</summary>
    private static string? Label(string? label) => label?.Replace('/', ' ');

    /// <summary>Subjects are single-line: control characters from a draft (CR, LF) never reach a mail header.</summary>
    public static string SingleLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            builder.Append(char.IsControl(ch) ? ' ' : ch);
        }

        return builder.ToString();
    }
}
