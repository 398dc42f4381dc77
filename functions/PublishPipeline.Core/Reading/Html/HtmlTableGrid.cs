using AngleSharp.Html.Dom;

namespace PublishPipeline.Reading.Html;

/// <summary>
/// Turns an HTML table into the logical-cell rows that the TAB text form and Word's table model have: a cell spanning
/// several columns is one cell (as Word's gridSpan), and a cell spanning several rows gives its text in its first row
/// and one empty cell in each row it continues into (as Word's vMerge continuation), whatever its width. Spans are
/// clamped so a hostile table cannot blow up the grid.
/// </summary>
internal static class HtmlTableGrid
{
    private const int MaxSpan = 200;
    private const int MaxCells = 500_000;

    public static List<List<string>> Rows(IHtmlTableElement table)
    {
        var rows = new List<List<string>>();
        var covered = new Dictionary<int, (int Width, int RowsLeft)>(); // grid column where a rowspan starts → its width and the rows it still covers
        var cells = 0;
        foreach (var row in table.Rows)
        {
            var line = new List<string>();
            var column = 0;
            foreach (var cell in row.Cells)
            {
                column = SkipCovered(line, covered, column);
                var colspan = Math.Clamp(cell.ColumnSpan, 1, MaxSpan);
                var rowspan = Math.Clamp(cell.RowSpan, 1, MaxSpan);
                line.Add(HtmlText.CellText(cell));
                if (rowspan > 1)
                {
                    covered[column] = (colspan, rowspan - 1);
                }

                column += colspan;
            }

            // Rowspans that reach past this row's last cell still continue into it.
            while (covered.Any(p => p.Value.RowsLeft > 0 && p.Key >= column))
            {
                var before = column;
                column = SkipCovered(line, covered, column);
                if (column == before)
                {
                    column++; // a gap in the grid before the next covered column
                }
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

    private static int SkipCovered(List<string> line, Dictionary<int, (int Width, int RowsLeft)> covered, int column)
    {
        while (covered.TryGetValue(column, out var span) && span.RowsLeft > 0)
        {
            covered[column] = (span.Width, span.RowsLeft - 1);
            line.Add("");
            column += span.Width;
        }

        return column;
    }
}
