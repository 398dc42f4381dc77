namespace PublishPipeline.Reports;

/// <summary>
/// The canonical report: every reader produces it, every consumer reads it. Its serialised face is the
/// JSON contract (shared/spec/REPORT-JSON.md), written by <see cref="ReportJson"/>.
/// </summary>
public sealed class Report
{
    /// <summary>"2019", "2021", or null when no national template was recognised.</summary>
    public string? Template { get; set; }

    public int? Year { get; set; }

    public string? Agency { get; set; }

    public string? Title { get; set; }

    public ReportPeriod? Period { get; set; }

    /// <summary>The 落款 or 发布日期 printed in the report (ISO yyyy-MM-dd), when the reader finds one (A4, H1).</summary>
    public string? PublishedOn { get; set; }

    /// <summary>The text between the title and 一、总体情况 (basis cited, "本报告由…六部分组成", statistical period), or null.</summary>
    public string? Preamble { get; set; }

    public List<ReportSection> Sections { get; set; } = [];

    public ReportTables Tables { get; set; } = new();
}

/// <summary>The statistical period stated in the report, as ISO dates (yyyy-MM-dd).</summary>
public sealed record ReportPeriod(string From, string To);

/// <summary>One numbered part of the report (一…六) with its text; <see cref="Key"/> is the template's section key.</summary>
public sealed class ReportSection
{
    public string? Number { get; set; }

    public string? Key { get; set; }

    public string Heading { get; set; } = "";

    public string Text { get; set; } = "";
}

/// <summary>
/// The three statistical tables under the contract's ASCII keys. A table or row the document does not contain is
/// absent, never filled with blanks.
/// </summary>
public sealed class ReportTables
{
    /// <summary>Table 二: item (art20_1 …) → row (rules …) → cells in the template's column order.</summary>
    public Dictionary<string, Dictionary<string, List<CellValue>>>? Proactive { get; set; }

    /// <summary>Table 三: row (new, carried_in, r1 …) → 7 cells (natural … total).</summary>
    public Dictionary<string, List<CellValue>>? Requests { get; set; }

    /// <summary>Table 四: group (review, suit_direct, suit_after_review) → 5 cells (upheld … total).</summary>
    public Dictionary<string, List<CellValue>>? ReviewLitigation { get; set; }

    /// <summary>
    /// Row labels as printed where the reader recorded them (B5 label drift), keyed "table/row":
    /// "proactive/art20_1/rules" → "规章(县级无此项)", "requests/r1" → "(一)予以公开".
    /// </summary>
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>
    /// Rows the template does not have, by table ("proactive", "requests") → their labels as printed
    /// ("其他主动公开文件"). They are kept out of the tables above so that no rule sums them; B4 reports each one.
    /// </summary>
    public Dictionary<string, List<string>>? ExtraRows { get; set; }

    /// <summary>
    /// Rows printed with their cells run together that no unique split could read (<see cref="UnreadRow"/>). They are
    /// absent from the tables above: neither blank (C1) nor missing (B4), and no sum that includes them is checked.
    /// </summary>
    public List<UnreadRow>? Unread { get; set; }

    /// <summary>Whether a row (table 二: "item/row") was printed but not read exactly.</summary>
    public bool IsUnread(string table, string row) => Unread?.Exists(u => u.Table == table && u.Row == row) == true;

    /// <summary>Whether any row of a table was printed but not read exactly.</summary>
    public bool HasUnread(string table) => Unread?.Exists(u => u.Table == table) == true;
}
