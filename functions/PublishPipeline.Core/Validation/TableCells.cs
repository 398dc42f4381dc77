using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

/// <summary>Every cell of the three tables with its address, for the rules that look at cells one by one (C1–C4).</summary>
internal static class TableCells
{
    /// <param name="ColumnType">For table 二, the column's value type (int, signed_int, decimal_wan_yuan …); null elsewhere or past the template's columns.</param>
    public sealed record Cell(string Table, string Row, int Column, string ColumnKey, CellValue Value, string? ColumnType = null);

    /// <summary>
    /// Whether a row was printed but not read exactly (<see cref="ReportTables.Unread"/>): it has no cells here, and a
    /// rule that would name it missing or add it into a sum leaves it alone (C7 reports it).
    /// </summary>
    public static bool IsUnread(ValidationContext context, string table, string row) => context.Report.Tables.IsUnread(table, row);

    /// <summary>The cells in table order; <see cref="ValidationContext.Cells"/> keeps this list for one validation.</summary>
    public static List<Cell> List(ValidationContext context)
    {
        var list = new List<Cell>();
        var tables = context.Report.Tables;
        if (tables.Proactive is { } proactive)
        {
            foreach (var (item, rows) in proactive)
            {
                var columns = context.Template.Proactive.FirstOrDefault(p => p.Key == item)?.Columns
                    ?? TemplateCatalog.All.SelectMany(t => t.Proactive).First(p => p.Key == item).Columns;
                foreach (var (row, cells) in rows)
                {
                    var key = ValidationContext.ProactiveKey(item, row);
                    for (var c = 0; c < cells.Count; c++)
                    {
                        var column = c < columns.Count ? columns[c] : null;
                        list.Add(new Cell(ValidationContext.Proactive, key, c, column?.Key ?? $"c{c + 1}", cells[c], column?.Type));
                    }
                }
            }
        }

        Add(ValidationContext.Requests, tables.Requests, context.Template.Requests.Columns);
        Add(ValidationContext.ReviewLitigation, tables.ReviewLitigation, context.Template.ReviewLitigation.Columns);
        return list;

        void Add(string table, Dictionary<string, List<CellValue>>? rows, IReadOnlyList<KeyedLabel> columns)
        {
            if (rows is null)
            {
                return;
            }

            foreach (var (row, cells) in rows)
            {
                for (var c = 0; c < cells.Count; c++)
                {
                    list.Add(new Cell(table, row, c, c < columns.Count ? columns[c].Key : $"c{c + 1}", cells[c]));
                }
            }
        }
    }
}
