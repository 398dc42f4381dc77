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
    public static string Location(Finding finding, int? year)
    {
        var location = finding.Location;
        if (location is null)
        {
            return None;
        }

        var template = (year is int y ? TemplateCatalog.ForYear(y) : null) ?? TemplateCatalog.All[^1];
        var parts = new List<string>(4);
        if (location.Table is { } table)
        {
            parts.Add($"表：{TableLabel(template, table)}");
            var (row, column) = RowAndColumn(template, table, location.Row, location.Column);
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
            var definition = template.Sections.FirstOrDefault(s => s.Key == section || s.Number == section);
            parts.Add(definition is not null ? $"部分：{definition.Number}、{definition.Label}" : OutsideTheParts(section));
        }

        if (location.Line is int line)
        {
            parts.Add($"原文第 {line} 行");
        }

        return parts.Count == 0 ? None : string.Join("；", parts);
    }

    /// <summary>The places a finding points to before the first part (标题, 导语) or in the report's dates, named as a clerk reads them.</summary>
    private static string OutsideTheParts(string section) => section switch
    {
        "title" => "标题",
        "preamble" => "正文开头（导语）",
        "published_at" => "落款或发布日期",
        _ => $"部分：{section}",
    };

    /// <summary>A table's key is the key of the section that holds it (proactive, requests, review_litigation).</summary>
    private static string TableLabel(ReportTemplate template, string table) =>
        template.Sections.FirstOrDefault(s => s.Key == table)?.Label ?? table;

    private static (string? Row, string? Column) RowAndColumn(ReportTemplate template, string table, string? row, string? column)
    {
        switch (table)
        {
            case "requests":
                return (Label(template.Requests.Row(row ?? "")?.Label, row), Label(template.Requests.Columns.FirstOrDefault(c => c.Key == column)?.Label, column));
            case "review_litigation":
                return (Label(template.ReviewLitigation.Groups.FirstOrDefault(g => g.Key == row)?.Label, row),
                    Label(template.ReviewLitigation.Columns.FirstOrDefault(c => c.Key == column)?.Label, column));
            case "proactive":
                return ProactiveRowAndColumn(template, row, column);
            default:
                return (row, column);
        }
    }

    /// <summary>A table 二 row is either "art20_1.rules" (item and row) or a bare row key found in the template's items.</summary>
    private static (string? Row, string? Column) ProactiveRowAndColumn(ReportTemplate template, string? row, string? column)
    {
        if (row is null)
        {
            return (null, column);
        }

        var separator = row.IndexOfAny(['.', '/']);
        var itemKey = separator > 0 ? row[..separator] : null;
        var rowKey = separator > 0 ? row[(separator + 1)..] : row;
        var item = template.Proactive.FirstOrDefault(i => i.Key == itemKey)
            ?? template.Proactive.FirstOrDefault(i => i.Key == rowKey)
            ?? template.Proactive.FirstOrDefault(i => i.Rows.Any(r => r.Key == rowKey));
        if (item is null)
        {
            return (row, column);
        }

        var rowLabel = item.Rows.FirstOrDefault(r => r.Key == rowKey)?.Label;
        var columnLabel = item.Columns.FirstOrDefault(c => c.Key == column)?.Label;
        return (rowLabel is null ? item.Label : $"{item.Label} {rowLabel}", Label(columnLabel, column));
    }

    /// <summary>The template's label (its "group/item" separator read as a space), or the key when the template has none.</summary>
    private static string? Label(string? label, string? key) => label?.Replace('/', ' ') ?? key;

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
