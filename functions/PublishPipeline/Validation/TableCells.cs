using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

/// <summary>Every cell of the three tables with its address, for the rules that look at cells one by one (C1, C2).</summary>
internal static class TableCells
{
    public sealed record Cell(string Table, string Row, int Column, string ColumnKey, CellValue Value);

    public static IEnumerable<Cell> All(ValidationContext context)
    {
        var tables = context.Report.Tables;
        if (tables.Proactive is { } proactive)
        {
            foreach (var (item, rows) in proactive)
            {
                var columns = context.Template.Proactive.FirstOrDefault(p => p.Key == item)?.Columns
                    ?? TemplateCatalog.All.SelectMany(t => t.Proactive).First(p => p.Key == item).Columns;
                foreach (var (row, cells) in rows)
                {
                    for (var c = 0; c < cells.Count; c++)
                    {
                        var key = c < columns.Count ? columns[c].Key : $"c{c + 1}";
                        yield return new Cell(ValidationContext.Proactive, ValidationContext.ProactiveKey(item, row), c, key, cells[c]);
                    }
                }
            }
        }

        foreach (var (table, rows, columns) in new[]
        {
            (ValidationContext.Requests, tables.Requests, context.Template.Requests.Columns),
            (ValidationContext.ReviewLitigation, tables.ReviewLitigation, context.Template.ReviewLitigation.Columns),
        })
        {
            if (rows is null)
            {
                continue;
            }

            foreach (var (row, cells) in rows)
            {
                for (var c = 0; c < cells.Count; c++)
                {
                    yield return new Cell(table, row, c, c < columns.Count ? columns[c].Key : $"c{c + 1}", cells[c]);
                }
            }
        }
    }
}
