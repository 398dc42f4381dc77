using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

/// <summary>
/// Splits the plain-text form into the report layout (<see cref="LayoutItem"/>: headings, narrative and table rows).
/// Two table forms are understood: the seed's form (each cell a line starting with TAB, a blank line ends a row, a
/// wrapped cell continues on lines without TAB, even across one blank line) and a "|"-separated form (markdown-ish
/// conversions).
/// </summary>
internal static class PlainTextLayout
{
    // A cell continuation is a short fragment such as "公开数量" or "不予公开"; longer text is narrative.
    private const int MaxContinuationLength = 30;

    public static List<LayoutItem> Split(string text)
    {
        var (lines, numbers) = TextLines.Prepare(text);
        var items = new List<LayoutItem>(lines.Length);
        var headings = SectionHeadings.Instance;
        TableRowItem? row = null;
        TableRowItem? lastRow = null;
        var lastCellLine = -10;
        var tableSection = false;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('\t'))
            {
                if (row is null)
                {
                    row = new TableRowItem(numbers[i], []);
                    items.Add(row);
                }

                row.Cells.AddRange(line[1..].Split('\t'));
                lastRow = row;
                lastCellLine = i;
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                row = null;
                continue;
            }

            if (headings.Match(line) is { } heading)
            {
                row = null;
                lastRow = null;
                tableSection = heading.Section.Key is "proactive" or "requests" or "review_litigation";
                items.Add(new HeadingItem(numbers[i], heading.Section, heading.Heading));
                continue;
            }

            if (SpacedRow(line) is { } spaced)
            {
                row = null;
                lastRow = null;
                items.Add(new TableRowItem(numbers[i], spaced));
                continue;
            }

            if (lastRow is null && !line.Contains('|', StringComparison.Ordinal) && StartsDump(line, tableSection))
            {
                i = ReadDump(lines, numbers, i, items);
                row = null;
                continue;
            }

            if (line.Contains('|', StringComparison.Ordinal) || IsInsidePipeTable(lines, i))
            {
                i = ReadPipeTable(lines, numbers, i, items);
                row = null;
                lastRow = null;
                continue;
            }

            if (lastRow is not null && IsContinuation(lines, i, lastCellLine))
            {
                // "（三）" ⏎⏎ "不予公开": the fragment belongs to the last cell, and the row goes on after it.
                var cells = lastRow.Cells;
                cells[^1] += CellParser.Trim(line);
                row = lastRow;
                lastCellLine = i;
                continue;
            }

            row = null;
            lastRow = null;
            items.Add(new NarrativeItem(numbers[i], CellParser.Trim(line)));
        }

        return items;
    }

    private static bool IsContinuation(string[] lines, int i, int lastCellLine)
    {
        if (CellParser.Trim(lines[i]).Length > MaxContinuationLength)
        {
            return false;
        }

        if (lastCellLine == i - 1)
        {
            return true;
        }

        // Across exactly one blank line, only when the table goes on right after the fragment.
        return lastCellLine == i - 2 && string.IsNullOrWhiteSpace(lines[i - 1])
            && i + 1 < lines.Length && lines[i + 1].StartsWith('\t');
    }

    private static bool IsInsidePipeTable(string[] lines, int i) =>
        i > 0 && i + 1 < lines.Length && lines[i - 1].Contains('|', StringComparison.Ordinal)
        && lines[i + 1].Contains('|', StringComparison.Ordinal) && CellParser.Trim(lines[i]).Length <= MaxContinuationLength;

    /// <summary>
    /// Reads a run of "|"-separated lines. A line with several cells is a row; lines holding one cell each
    /// ("0 |") form one stream row; a line without "|" between pipe lines is the start of the next line's cell.
    /// Returns the index of the last line consumed.
    /// </summary>
    private static int ReadPipeTable(string[] lines, int[] numbers, int start, List<LayoutItem> items)
    {
        TableRowItem? stream = null;
        var pending = "";
        var i = start;
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!line.Contains('|', StringComparison.Ordinal))
            {
                if (string.IsNullOrWhiteSpace(line) || SectionHeadings.Instance.Match(line) is not null || !IsInsidePipeTable(lines, i))
                {
                    break;
                }

                pending += CellParser.Trim(line);
                continue;
            }

            var cells = (pending + line).Split('|').Select(CellParser.Trim).ToList();
            pending = "";
            if (cells.Count > 1 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            if (cells.All(c => c.Length == 0))
            {
                // "|" alone is one empty cell of a one-cell-per-line row; "||||" (or a markdown "|---|" rule) ends a row.
                if (stream is not null && CellParser.Trim(line) == "|")
                {
                    stream.Cells.Add("");
                }
                else
                {
                    stream = null;
                }

                continue;
            }

            if (IsMarkdownRule(cells))
            {
                stream = null;
                continue;
            }

            if (cells.Count == 1)
            {
                if (stream is null)
                {
                    stream = new TableRowItem(numbers[i], [], Stream: true);
                    items.Add(stream);
                }

                stream.Cells.Add(cells[0]);
                continue;
            }

            stream = null;
            items.Add(new TableRowItem(numbers[i], cells));
        }

        return i - 1;
    }

    private static bool IsMarkdownRule(List<string> cells) =>
        cells.All(c => c.Length == 0 || c.All(ch => ch is '-' or ':' or ' ')) && cells.Any(c => c.Contains('-', StringComparison.Ordinal));

    /// <summary>
    /// A PDF text-layer row: values separated by spaces, optionally after a label ("四、结转下年度继续办理 0 0 0 0 0 0 0",
    /// "0 0 0 … 0"). At least three values, so that a sentence with a number in it is never mistaken for a row.
    /// </summary>
    private static List<string>? SpacedRow(string line)
    {
        var tokens = CellParser.Trim(line).Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 3)
        {
            return null;
        }

        var values = 0;
        for (var j = tokens.Length - 1; j >= 0 && IsValueToken(tokens[j]); j--)
        {
            values++;
        }

        if (values < 3 || values < tokens.Length - 1)
        {
            return null;
        }

        if (values == tokens.Length - 1 && !TableLabels.Instance.IsLabel(LabelText.Fold(tokens[0])))
        {
            return null;
        }

        return [.. tokens];
    }

    private static bool IsValueToken(string token) =>
        CellParser.TryParseNumber(LabelText.FoldWidth(token), out _) || token is "/" or "-" or "—";

    /// <summary>A table printed one cell per line without separators starts at 第二十条… or the 勾稽 note (or any table label inside a table part).</summary>
    private static bool StartsDump(string line, bool tableSection)
    {
        var folded = LabelText.Fold(line);
        if (folded.StartsWith("第二十条", StringComparison.Ordinal) && folded.Length <= 12 || folded.Contains("勾稽", StringComparison.Ordinal) && folded.Length <= 40)
        {
            return true;
        }

        return tableSection && folded.Length <= MaxDumpCell && TableLabels.Instance.IsLabel(folded);
    }

    // The longest label cell: （二）部分公开（区分处理的，只计这一情形，不计其他情形） and the 勾稽 note.
    private const int MaxDumpCell = 45;

    /// <summary>
    /// Reads a one-cell-per-line table into one stream row. Some pages put a blank line between cells; there, a longer
    /// run of blank lines stands for empty cells (one per extra blank line), as the source printed them. The dump ends at
    /// a part heading or a line too long to be a cell. Returns the index of the last line consumed.
    /// </summary>
    private static int ReadDump(string[] lines, int[] numbers, int start, List<LayoutItem> items)
    {
        var row = new TableRowItem(numbers[start], [CellParser.Trim(lines[start])], Stream: true);
        items.Add(row);
        int? spacing = null;
        var blanks = 0;
        var last = start;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                blanks++;
                continue;
            }

            var cell = CellParser.Trim(line);
            if (SectionHeadings.Instance.Match(line) is not null || line.Contains('|', StringComparison.Ordinal) || line.StartsWith('\t')
                || (cell.Length > MaxDumpCell && !TableLabels.Instance.IsLabel(LabelText.Fold(cell))))
            {
                break;
            }

            spacing ??= Math.Min(blanks, 1);
            for (var empty = blanks - spacing.Value; empty > 0; empty--)
            {
                row.Cells.Add("");
            }

            row.Cells.Add(cell);
            blanks = 0;
            last = i;
        }

        return last;
    }
}
