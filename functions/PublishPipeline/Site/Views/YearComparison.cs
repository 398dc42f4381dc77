using PublishPipeline.Reports;

namespace PublishPipeline.Site.Views;

/// <summary>
/// One row of the comparison with the previous year: this year's cell, last year's (null when last year's report has
/// no such row or column, e.g. under the other national format), and the change. The change is a number only when
/// both cells are numbers: a blank or a text cell is not 0, so the change is then「—」.
/// </summary>
internal sealed record ComparisonRow(string Label, CellValue Current, CellValue? Previous, string Change, string ChangeClass);

internal sealed record ComparisonTable(string Caption, IReadOnlyList<ComparisonRow> Rows);

/// <summary>
/// This year's report against the same agency's previous one, per row: table 二's cells, table 三's 总计 column and
/// table 四's 总计 per group. Rows follow this year's template; last year's report is matched by key, so a report in
/// the 2019 format compares with one in the 2021 format wherever the two share a row and column.
/// </summary>
internal static class YearComparison
{
    public const string NoChange = "—";

    public static List<ComparisonTable> Compare(Report current, ReportTemplate? template, Report previous)
    {
        var tables = new List<ComparisonTable>(3);
        if (template is null)
        {
            return tables;
        }

        var previousTemplate = TemplateCatalog.Find(previous.Template) ?? (previous.Year is int year ? TemplateCatalog.ForYear(year) : null);
        AddProactive(tables, current, template, previous, previousTemplate);
        AddRequests(tables, current, template, previous, previousTemplate);
        AddReviewLitigation(tables, current, template, previous, previousTemplate);
        return tables;
    }

    /// <summary>The change from <paramref name="previous"/> to <paramref name="current"/>: "+N", "−N", "0", or「—」.</summary>
    public static (string Text, string Class) Change(CellValue current, CellValue? previous)
    {
        if (current.AsNumber is not { } now || previous?.AsNumber is not { } before)
        {
            return (NoChange, "change none");
        }

        var delta = now - before;
        return (NumberFormat.Signed(delta), delta > 0 ? "change up" : delta < 0 ? "change down" : "change same");
    }

    private static void AddProactive(List<ComparisonTable> tables, Report current, ReportTemplate template, Report previous, ReportTemplate? previousTemplate)
    {
        if (current.Tables.Proactive is not { } items)
        {
            return;
        }

        var rows = new List<ComparisonRow>();
        foreach (var item in template.Proactive)
        {
            if (!items.TryGetValue(item.Key, out var itemRows))
            {
                continue;
            }

            var previousItem = previousTemplate?.Proactive.FirstOrDefault(i => i.Key == item.Key);
            var previousRows = previous.Tables.Proactive?.GetValueOrDefault(item.Key);
            foreach (var row in item.Rows)
            {
                if (!itemRows.TryGetValue(row.Key, out var cells))
                {
                    continue;
                }

                var previousCells = previousRows?.GetValueOrDefault(row.Key);
                for (var c = 0; c < item.Columns.Count; c++)
                {
                    var column = item.Columns[c];
                    CellValue? before = null;
                    if (previousItem is not null && previousCells is not null)
                    {
                        var index = IndexOf(previousItem.Columns, column.Key);
                        before = index >= 0 ? CellFormat.At(previousCells, index) : null;
                    }

                    rows.Add(Row($"{item.Label} · {row.Label} · {column.Label}", CellFormat.At(cells, c), before));
                }
            }
        }

        if (rows.Count > 0)
        {
            tables.Add(new ComparisonTable("主动公开政府信息情况", rows));
        }
    }

    private static void AddRequests(List<ComparisonTable> tables, Report current, ReportTemplate template, Report previous, ReportTemplate? previousTemplate)
    {
        if (current.Tables.Requests is not { } requests)
        {
            return;
        }

        var total = template.Requests.ColumnIndex("total");
        var previousTotal = previousTemplate?.Requests.ColumnIndex("total") ?? -1;
        var rows = new List<ComparisonRow>();
        foreach (var shape in TemplateLayout.For(template).RequestsRows)
        {
            if (!requests.TryGetValue(shape.Key, out var cells))
            {
                continue;
            }

            CellValue? before = previousTotal >= 0 && previous.Tables.Requests?.GetValueOrDefault(shape.Key) is { } previousCells
                ? CellFormat.At(previousCells, previousTotal)
                : null;
            var label = shape.Group is null ? shape.Label : $"{shape.Group} · {shape.Label}";
            rows.Add(Row(label, CellFormat.At(cells, total), before));
        }

        if (rows.Count > 0)
        {
            tables.Add(new ComparisonTable("收到和处理政府信息公开申请情况（总计列）", rows));
        }
    }

    private static void AddReviewLitigation(List<ComparisonTable> tables, Report current, ReportTemplate template, Report previous, ReportTemplate? previousTemplate)
    {
        if (current.Tables.ReviewLitigation is not { } groups)
        {
            return;
        }

        var total = IndexOf(template.ReviewLitigation.Columns, "total");
        var previousTotal = previousTemplate is null ? -1 : IndexOf(previousTemplate.ReviewLitigation.Columns, "total");
        var rows = new List<ComparisonRow>();
        foreach (var group in template.ReviewLitigation.Groups)
        {
            if (!groups.TryGetValue(group.Key, out var cells))
            {
                continue;
            }

            CellValue? before = previousTotal >= 0 && previous.Tables.ReviewLitigation?.GetValueOrDefault(group.Key) is { } previousCells
                ? CellFormat.At(previousCells, previousTotal)
                : null;
            rows.Add(Row(group.Label.Replace("/", " · ", StringComparison.Ordinal) + " · 总计", CellFormat.At(cells, total), before));
        }

        if (rows.Count > 0)
        {
            tables.Add(new ComparisonTable("政府信息公开行政复议、行政诉讼情况（总计）", rows));
        }
    }

    private static ComparisonRow Row(string label, CellValue current, CellValue? previous)
    {
        var (text, css) = Change(current, previous);
        return new ComparisonRow(label, current, previous, text, css);
    }

    private static int IndexOf(IReadOnlyList<KeyedLabel> labels, string key)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOf(IReadOnlyList<ProactiveColumn> columns, string key)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }
}
