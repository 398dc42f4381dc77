using System.Text;
using PublishPipeline.Reading;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>How a PDF→markdown or OCR→markdown conversion prints a report; each form sets the quirks it shows.</summary>
internal sealed record MarkdownStyle
{
    /// <summary>Part headings "## 一、…", subheadings "### （一）…", title "# …"; false: bold "**…**" instead.</summary>
    public bool HashHeadings { get; init; } = true;

    /// <summary>A converter's made-up header row "| 数据1 | 数据2 | … |" on top of every table.</summary>
    public bool DataJunkHeader { get; init; }

    /// <summary>Header rows of short cells printed one character a line (narrow PDF columns), as a text layer gives them.</summary>
    public bool StackedHeaders { get; init; }

    /// <summary>Long label cells broken over two lines.</summary>
    public bool BrokenCells { get; init; }

    /// <summary>Rows whose values are written as blanks (the first row with three numbers in each table).</summary>
    public bool BlankRows { get; init; }

    /// <summary>A merged group cell ("（三）不予公开" over its sub-rows) printed on the middle row of its group, as PDF converters place it.</summary>
    public bool CentredGroupCells { get; init; }
}

/// <summary>Writes a <see cref="SourceReport"/> as markdown: headings with # or bold, tables with "|" and a "|---|" rule.</summary>
internal static class MarkdownWriter
{
    private const int ReviewValues = 15;

    public static string Write(SourceReport source, MarkdownStyle style)
    {
        var text = new StringBuilder();
        foreach (var block in source.Blocks)
        {
            switch (block)
            {
                case SourceLine line:
                    text.Append(Line(line, style)).Append("\n\n");
                    break;
                case SourceTable table:
                    WriteTable(text, style.BlankRows ? WithBlankRow(table) : table, style);
                    text.Append('\n');
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The table with the values of its first row of three or more numbers (table 四's value row too) written as blanks.</summary>
    public static SourceTable WithBlankRow(SourceTable table)
    {
        var rows = table.Rows.Select(r => r.ToList()).ToList();
        var target = rows.FindIndex(r => r.Count(SourceReport.IsNumber) >= 3);
        if (target >= 0)
        {
            rows[target] = rows[target].Select(c => SourceReport.IsNumber(c) ? "" : c).ToList();
        }

        return table with { Rows = rows };
    }

    private static string Line(SourceLine line, MarkdownStyle style)
    {
        var level = line.IsTitle ? 1 : line.Section is not null ? 2 : IsSubheading(line.Text) ? 3 : 0;
        if (level == 0)
        {
            return line.Text;
        }

        return style.HashHeadings ? new string('#', level) + " " + line.Text : "**" + line.Text + "**";
    }

    /// <summary>"（一）主动公开方面", "(二)依申请公开": a short line opening with a parenthesised numeral.</summary>
    public static bool IsSubheading(string text)
    {
        var folded = PublishPipeline.Reading.LabelText.FoldWidth(text.Trim());
        return folded.Length is > 3 and <= 30 && folded[0] == '(' && folded.IndexOf(')', StringComparison.Ordinal) is > 1 and <= 3
            && PublishPipeline.Reading.LabelText.IsChineseNumeral(folded[1]);
    }

    private static void WriteTable(StringBuilder text, SourceTable table, MarkdownStyle style)
    {
        var rows = style.CentredGroupCells ? CentreGroupCells(table.Rows) : table.Rows;
        if (table.Section == "review_litigation" && rows.FindIndex(EndsInReviewValues) is var values and >= 0)
        {
            // Table 四 as converters print it: two header rows (the groups, then the columns of each), the rule, the values.
            var shape = TemplateCatalog.All[^1].ReviewLitigation;
            var groups = shape.Groups.SelectMany(g => Enumerable.Range(0, shape.Columns.Count).Select(i => i == 0 ? g.Label.Split('/')[^1] : "")).ToList();
            var columns = shape.Groups.SelectMany(_ => shape.Columns.Select(c => c.Label)).ToList();
            rows = [groups, columns, .. rows.Skip(values)];
        }

        var width = rows.Max(r => r.Count);
        if (style.DataJunkHeader)
        {
            Row(text, Enumerable.Range(1, width).Select(i => "数据" + i).ToList(), style);
            Rule(text, width);
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (style.StackedHeaders && IsShortHeader(row))
            {
                Stack(text, row);
            }
            else
            {
                Row(text, row, style);
            }

            if (r == 0 && !style.DataJunkHeader)
            {
                Rule(text, row.Count);
            }
        }
    }

    /// <summary>Each group's rows as ["", sub-row, values…], with the group label in the first cell of its middle row.</summary>
    public static List<List<string>> CentreGroupCells(List<List<string>> rows)
    {
        var result = rows.Select(r => r.ToList()).ToList();
        for (var r = 0; r < result.Count; r++)
        {
            var cells = result[r].Where(c => c.Trim().Length > 0).ToList();
            if (cells.Count < 2 || !TableLabels.Instance.RequestGroups.Contains(TableLabels.Key(cells[0])) || SubNumber(cells[1]) == 0)
            {
                continue;
            }

            var end = r + 1;
            while (end < result.Count && result[end].FirstOrDefault(c => c.Trim().Length > 0) is { } first && SubNumber(first) == SubNumber(cells[1]) + (end - r))
            {
                end++;
            }

            var group = cells[0];
            result[r].Remove(group);
            for (var k = r; k < end; k++)
            {
                result[k] = result[k].Where(c => c.Trim().Length > 0 || SourceReport.IsValue(c)).Prepend(k == r + ((end - r) / 2) ? group : "").ToList();
            }

            r = end - 1;
        }

        return result;
    }

    private static int SubNumber(string cell) => LabelText.LeadingNumber(LabelText.Fold(cell));

    private static bool EndsInReviewValues(List<string> row) =>
        row.Count >= ReviewValues && row.Skip(row.Count - ReviewValues).All(SourceReport.IsValue) && row.Any(SourceReport.IsNumber);

    /// <summary>A header row of narrow columns: three or more cells, none a value, none longer than six characters.</summary>
    private static bool IsShortHeader(List<string> row) =>
        row.Count(c => c.Trim().Length > 0) >= 3 && row.All(c => (c.Trim().Length == 0 || !SourceReport.IsValue(c)) && c.Trim().Length <= 6);

    private static void Stack(StringBuilder text, List<string> row)
    {
        var cells = row.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        var height = cells.Max(c => c.Length);
        for (var k = 0; k < height; k++)
        {
            text.Append(string.Join(' ', cells.Select(c => k < c.Length ? c[k].ToString() : "").Where(s => s.Length > 0))).Append('\n');
        }
    }

    private static void Row(StringBuilder text, List<string> row, MarkdownStyle style)
    {
        var cells = row.Select(c => c.Replace("\n", "", StringComparison.Ordinal).Trim()).ToList();
        var line = "| " + string.Join(" | ", cells) + " |";
        var longest = cells.FindIndex(c => c.Length >= 8 && c == cells.OrderByDescending(x => x.Length).First());
        if (style.BrokenCells && longest >= 0)
        {
            // "| 一、本年新收政府信" ⏎ "息公开申请数量 | 49 | …": the line breaks inside the cell.
            var cell = cells[longest];
            var cut = cell.Length / 2;
            var head = "| " + string.Join(" | ", cells.Take(longest).Append(cell[..cut]));
            var tail = string.Join(" | ", cells.Skip(longest + 1).Prepend(cell[cut..])) + " |";
            line = head + "\n" + tail;
        }

        text.Append(line).Append('\n');
    }

    private static void Rule(StringBuilder text, int width) =>
        text.Append('|').Append(string.Concat(Enumerable.Repeat("---|", width))).Append('\n');
}
