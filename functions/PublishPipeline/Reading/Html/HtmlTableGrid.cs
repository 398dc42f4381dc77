using AngleSharp.Html.Dom;

namespace PublishPipeline.Reading.Html;

/// <summary>
/// Expands an HTML table into the logical-cell rows the TAB text form has: a cell spanning several columns gives its
/// text once and empty cells for the rest; a cell spanning several rows gives its text in its first row and an empty
/// cell in each row it continues into. Spans are clamped so a hostile table cannot blow up the grid.
/// </summary>
internal static class HtmlTableGrid
{
    private const int MaxSpan = 200;
    private const int MaxCells = 500_000;

    public static List<List<string>> Rows(IHtmlTableElement table)
    {
        var rows = new List<List<string>>();
        var remaining = new Dictionary<int, int>(); // column → further rows a rowspan started above still covers
        var cells = 0;
        foreach (var row in table.Rows)
        {
            var line = new List<string>();
            var column = 0;
            foreach (var cell in row.Cells)
            {
                column = SkipCovered(line, remaining, column);
                var colspan = Math.Clamp(cell.ColumnSpan, 1, MaxSpan);
                var rowspan = Math.Clamp(cell.RowSpan, 1, MaxSpan);
                line.Add(HtmlText.CellText(cell));
                for (var extra = 1; extra < colspan; extra++)
                {
                    line.Add("");
                }

                for (var c = column; rowspan > 1 && c < column + colspan; c++)
                {
                    remaining[c] = rowspan - 1;
                }

                column += colspan;
            }

            // Rowspans reaching past this row's last cell still cover their columns (and the gaps before them).
            var last = remaining.Where(p => p.Value > 0 && p.Key >= column).Select(p => p.Key).DefaultIfEmpty(-1).Max();
            while (column <= last)
            {
                if (remaining.TryGetValue(column, out var left) && left > 0)
                {
                    remaining[column] = left - 1;
                }

                line.Add("");
                column++;
            }

            cells += line.Count;
            if (cells > MaxCells)
            {
                break;
            }

            rows.Add(line);
        }

        return rows;
    }

    private static int SkipCovered(List<string> line, Dictionary<int, int> remaining, int column)
    {
        while (remaining.TryGetValue(column, out var left) && left > 0)
        {
            remaining[column] = left - 1;
            line.Add("");
            column++;
        }

        return column;
    }
}
