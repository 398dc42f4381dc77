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

    private IReadOnlyList<TextPart>? texts;
    private IReadOnlyList<Narrative.NarrativeStatement>? statements;
    private IReadOnlyList<TableCells.Cell>? cells;

    public ValidationContext(Report report, ValidationInputs? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
        Inputs = inputs ?? ValidationInputs.None;

        // Labels only: the report's own template, else the one its year requires, else the current one.
        Template = TemplateCatalog.Find(report.Template)
            ?? (report.Year is { } year ? TemplateCatalog.ForYear(year) : null)
            ?? TemplateCatalog.All[^1];
    }

    public Report Report { get; }

    public ReportTemplate Template { get; }

    /// <summary>What the report does not carry (agency, level, dates); never null, its properties may be.</summary>
    public ValidationInputs Inputs { get; }

    /// <summary>The template the report's year requires (FORMAT.md §1), or null when the year is unknown or before 2019.</summary>
    public ReportTemplate? RequiredTemplate => Report.Year is { } year ? TemplateCatalog.ForYear(year) : null;

    /// <summary>
    /// The report's prose in reading order, each with the location key a finding uses: "title", "preamble", then each
    /// part's template key (overview … other). Width-folded and simplified (C5) for matching; the original is kept for quoting.
    /// </summary>
    public IReadOnlyList<TextPart> Texts => texts ??= BuildTexts(Report);

    /// <summary>The narrative statements of every section but 五, extracted once per validation and shared by the F rules.</summary>
    internal IReadOnlyList<Narrative.NarrativeStatement> Statements => statements ??= Narrative.StatementExtractor.ExtractAll(Report);

    /// <summary>Every cell of the three tables with its address and column type, listed once per validation (C1–C4).</summary>
    internal IReadOnlyList<TableCells.Cell> Cells => cells ??= TableCells.List(this);

    /// <summary>The part with this section key, or null.</summary>
    public TextPart? Text(string section) => Texts.FirstOrDefault(t => t.Section == section);

    /// <summary>The sentence of <paramref name="text"/> around <paramref name="index"/>, at most about 60 characters, for quoting in a message.</summary>
    public static string Sentence(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        index = Math.Clamp(index, 0, Math.Max(0, text.Length - 1));
        var start = text.LastIndexOfAny(SentenceEnds, Math.Max(0, index - 1)) + 1;
        if (index == 0)
        {
            start = 0;
        }

        var end = text.IndexOfAny(SentenceEnds, index);
        end = end < 0 ? text.Length : end + 1;
        start = Math.Max(start, index - 40);
        end = Math.Min(end, index + 40);
        var sentence = text[start..end].Trim();
        return (start > 0 && !SentenceEnds.Contains(text[start - 1]) ? "…" : "") + sentence + (end < text.Length && !SentenceEnds.Contains(text[end - 1]) ? "…" : "");
    }

    /// <summary>How a finding names a part of the report: 标题, 正文开头（导语）, 第一部分「总体情况」.</summary>
    public string SectionName(string section) => section switch
    {
        "title" => "标题",
        "preamble" => "正文开头（导语）",
        _ => Template.Sections.FirstOrDefault(s => s.Key == section) is { } definition
            ? $"第{definition.Number}部分「{definition.Label}」"
            : section,
    };

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
        // Indexed in place: the same label as listing the columns' labels first, without a list per cell named.
        string? label = table switch
        {
            Requests => LabelAt(Template.Requests.Columns, column),
            ReviewLitigation => LabelAt(Template.ReviewLitigation.Columns, column),
            Proactive => ProactiveItem(row) is { } item && column >= 0 && column < item.Columns.Count ? item.Columns[column].Label : null,
            _ => null,
        };
        return label ?? $"第{column + 1}列";

        static string? LabelAt(IReadOnlyList<KeyedLabel> columns, int column) => column >= 0 && column < columns.Count ? columns[column].Label : null;
    }

    /// <summary>The column key of a cell (issued, total …) for its location; "c3" past the template's columns.</summary>
    public string ColumnKey(string table, string row, int column)
    {
        IReadOnlyList<string> keys = table switch
        {
            Requests => Template.Requests.Columns.Select(c => c.Key).ToList(),
            ReviewLitigation => Template.ReviewLitigation.Columns.Select(c => c.Key).ToList(),
            Proactive => ProactiveItem(row)?.Columns.Select(c => c.Key).ToList() ?? [],
            _ => [],
        };
        return column < keys.Count ? keys[column] : $"c{column + 1}";
    }

    /// <summary>The column's value type for table 二 (int, signed_int, decimal_wan_yuan, money_unit_unspecified).</summary>
    public string? ProactiveColumnType(string row, int column)
    {
        var item = ProactiveItem(row);
        return item is not null && column < item.Columns.Count ? item.Columns[column].Type : null;
    }

    public static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', '\n'];

    private static List<TextPart> BuildTexts(Report report)
    {
        var parts = new List<TextPart>();
        Add("title", report.Title);
        Add("preamble", report.Preamble);
        for (var i = 0; i < report.Sections.Count; i++)
        {
            var section = report.Sections[i];
            Add(section.Key ?? $"section{i + 1}", section.Text);
        }

        return parts;

        void Add(string key, string? text)
        {
            if (!string.IsNullOrEmpty(text))
            {
                parts.Add(new TextPart(key, text, ChineseScript.Simplify(TextFolding.FoldWidth(text))));
            }
        }
    }

    /// <summary>Proactive rows are addressed as "item/row" (art20_5/licensing) inside this class.</summary>
    public static string ProactiveKey(string item, string row) => item + "/" + row;

    private string? FindRequestRow(string key) =>
        (Template.Requests.Row(key) ?? TemplateCatalog.All.Select(t => t.Requests.Row(key)).FirstOrDefault(r => r is not null))?.Label;

    private ProactiveItem? ProactiveItem(string itemAndRow)
    {
        var slash = itemAndRow.IndexOf('/', StringComparison.Ordinal);
        var item = slash < 0 ? itemAndRow : itemAndRow[..slash];
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
