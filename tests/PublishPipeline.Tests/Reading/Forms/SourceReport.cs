using PublishPipeline.Reading;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>One block of a report as its reader laid it out: a line of text (a part heading or not) or a table.</summary>
internal abstract record SourceBlock;

/// <summary>A line: <see cref="Section"/> is the part it heads (a heading line) or null; <see cref="IsTitle"/> marks the title.</summary>
internal sealed record SourceLine(string Text, string? Section, bool IsTitle) : SourceBlock;

/// <summary>A table's rows, cells as printed; <see cref="Section"/> is the part it sits under.</summary>
internal sealed record SourceTable(List<List<string>> Rows, string? Section) : SourceBlock;

/// <summary>
/// A corpus report split into lines and tables by the reader's own layout step, so that a form can be rendered from
/// the same cells the original gives, whatever the original's own form (TAB cells, "|" rows, one cell a line, spaced
/// PDF rows). A one-cell-a-line table (one long "stream" row) is cut back into rows at its row labels.
/// </summary>
internal sealed class SourceReport
{
    private SourceReport(string name, string text, List<SourceBlock> blocks)
    {
        Name = name;
        Text = text;
        Blocks = blocks;
    }

    public string Name { get; }

    /// <summary>The original text as stored in the corpus.</summary>
    public string Text { get; }

    public IReadOnlyList<SourceBlock> Blocks { get; }

    /// <summary>The original's title line as printed (the first of two when wrapped), or null when it has none.</summary>
    public string? TitleLine => Blocks.OfType<SourceLine>().FirstOrDefault(l => l.IsTitle)?.Text;

    public static SourceReport Load(string name) => Parse(name, File.ReadAllText(Corpus.File(name)));

    public static SourceReport Parse(string name, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var title = new TextReportReader().Read(text).Title;
        var blocks = new List<SourceBlock>();
        SourceTable? table = null;
        string? section = null;
        var titleSeen = false;
        foreach (var item in PlainTextLayout.Split(text))
        {
            switch (item)
            {
                case HeadingItem heading:
                    section = heading.Section.Key;
                    table = null;
                    blocks.Add(new SourceLine(lines[heading.Line - 1].Trim(), section, false));
                    break;
                case NarrativeItem narrative:
                    table = null;
                    var isTitle = !titleSeen && title is not null && narrative.Text.Length > 0
                        && title.Replace(" ", "", StringComparison.Ordinal).StartsWith(narrative.Text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
                    titleSeen |= isTitle;
                    blocks.Add(new SourceLine(narrative.Text, null, isTitle));
                    break;
                case TableRowItem row:
                    if (table is null)
                    {
                        table = new SourceTable([], section);
                        blocks.Add(table);
                    }

                    table.Rows.AddRange(row.Stream ? SplitStream(row.Cells, section) : [[.. row.Cells]]);
                    break;
            }
        }

        return new SourceReport(name, text, blocks);
    }

    public static bool IsValue(string cell)
    {
        var trimmed = CellParser.Trim(cell);
        return trimmed.Length == 0 || trimmed is "/" or "-" or "—" or "－" || CellParser.TryParseNumber(LabelText.FoldWidth(trimmed), out _);
    }

    public static bool IsNumber(string cell) => CellParser.TryParseNumber(LabelText.FoldWidth(CellParser.Trim(cell)), out _);

    /// <summary>
    /// A one-cell-a-line table cut back into rows: a new row at each row label, and at any label after a value. A row
    /// label with no value after it (a table of labels an office left empty) is written with its blank cells, as an
    /// export prints the empty cells of such a row.
    /// </summary>
    private static IEnumerable<List<string>> SplitStream(List<string> cells, string? section)
    {
        var width = section == "requests" ? 7 : 3;
        var row = new List<string>();
        var hasValue = false;
        foreach (var cell in cells)
        {
            var isLabel = !IsValue(cell) && TableLabels.Instance.IsLabel(LabelText.Fold(cell));
            if (isLabel && row.Count > 0 && (hasValue || IsRowLabel(row[0]) || IsRowLabel(cell)))
            {
                yield return Padded(row, hasValue, width);
                row = [];
                hasValue = false;
            }

            row.Add(cell);
            hasValue |= !isLabel && IsValue(cell);
        }

        if (row.Count > 0)
        {
            yield return row;
        }
    }

    private static List<string> Padded(List<string> row, bool hasValue, int width) =>
        row.Count == 1 && !hasValue && IsRowLabel(row[0]) ? [row[0], .. Enumerable.Repeat("", width)] : row;

    private static bool IsRowLabel(string cell)
    {
        var labels = TableLabels.Instance;
        var core = TableLabels.Key(cell);
        return labels.ProactiveRows.ContainsKey(core) || (labels.RequestRows.ContainsKey(core) && (LabelText.Fold(cell) != core || !labels.HeaderWords.Contains(core)))
            || labels.RequestSubCores.ContainsKey(core) || labels.GroupRows.ContainsKey(core);
    }
}
