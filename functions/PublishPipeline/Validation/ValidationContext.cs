using System.Globalization;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

/// <summary>
/// A report with the template its labels come from, and the names of tables, rows and columns as printed,
/// so that every message names the cell the way the author sees it.
/// </summary>
public sealed class ValidationContext
{
    public const string Proactive = "proactive";
    public const string Requests = "requests";
    public const string ReviewLitigation = "review_litigation";

    public ValidationContext(Report report)
        : this(report, null)
    {
    }

    public ValidationContext(Report report, ValidationInputs? inputs)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
        Inputs = inputs;

        // Labels only: the report's own template, else the one its year requires, else the current one.
        Template = TemplateCatalog.Find(report.Template)
            ?? (report.Year is { } year ? TemplateCatalog.ForYear(year) : null)
            ?? TemplateCatalog.All[^1];
    }

    public Report Report { get; }

    /// <summary>What the caller supplied beyond the report; null when it asked for the report alone.</summary>
    public ValidationInputs? Inputs { get; }

    public ReportTemplate Template { get; }

    public static string TableName(string table) => table switch
    {
        Proactive => "表二",
        Requests => "表三",
        ReviewLitigation => "表四",
        _ => table,
    };

    /// <summary>表三「（三）不予公开 1.属于国家秘密」行「自然人」列.</summary>
    public string CellName(string table, string row, int column) =>
        $"{TableName(table)}「{RowLabel(table, row)}」行「{ColumnLabel(table, row, column)}」列";

    public string RowLabel(string table, string row)
    {
        string? label = table switch
        {
            Requests => FindRequestRow(row),
            ReviewLitigation => TemplateCatalog.All.SelectMany(t => t.ReviewLitigation.Groups).FirstOrDefault(g => g.Key == row)?.Label,
            Proactive => ProactiveRow(row),
            _ => null,
        };

        // Sub-rows are printed under their group: "（三）不予公开/1.属于国家秘密" reads "（三）不予公开 1.属于国家秘密".
        return (label ?? row).Replace('/', ' ');
    }

    public string ColumnLabel(string table, string row, int column)
    {
        IReadOnlyList<string> labels = table switch
        {
            Requests => Template.Requests.Columns.Select(c => c.Label).ToList(),
            ReviewLitigation => Template.ReviewLitigation.Columns.Select(c => c.Label).ToList(),
            Proactive => ProactiveItem(row)?.Columns.Select(c => c.Label).ToList() ?? [],
            _ => [],
        };
        return column < labels.Count ? labels[column] : $"第{column + 1}列";
    }

    /// <summary>The column's value type for table 二 (int, signed_int, decimal_wan_yuan, money_unit_unspecified).</summary>
    public string? ProactiveColumnType(string row, int column)
    {
        var item = ProactiveItem(row);
        return item is not null && column < item.Columns.Count ? item.Columns[column].Type : null;
    }

    public static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>Proactive rows are addressed as "item/row" (art20_5/licensing) inside this class.</summary>
    public static string ProactiveKey(string item, string row) => item + "/" + row;

    private string? FindRequestRow(string key) =>
        (Template.Requests.Row(key) ?? TemplateCatalog.All.Select(t => t.Requests.Row(key)).FirstOrDefault(r => r is not null))?.Label;

    private ProactiveItem? ProactiveItem(string itemAndRow)
    {
        var item = itemAndRow.Split('/')[0];
        return Template.Proactive.FirstOrDefault(p => p.Key == item)
            ?? TemplateCatalog.All.SelectMany(t => t.Proactive).FirstOrDefault(p => p.Key == item);
    }

    private string? ProactiveRow(string itemAndRow)
    {
        var parts = itemAndRow.Split('/');
        var item = ProactiveItem(itemAndRow);
        var row = parts.Length > 1 ? item?.Rows.FirstOrDefault(r => r.Key == parts[1])?.Label
            ?? TemplateCatalog.All.SelectMany(t => t.Proactive).Where(p => p.Key == parts[0]).SelectMany(p => p.Rows).FirstOrDefault(r => r.Key == parts[1])?.Label
            : null;
        return item is null ? null : $"{item.Label} {row ?? parts[^1]}";
    }
}
