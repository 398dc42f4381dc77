using System.Runtime.CompilerServices;
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
/// the 2019 format compares with one in the 2021 format wherever the two share a row and column. The rows and their
/// labels depend only on the two templates and are worked out once per pair.
/// </summary>
internal static class YearComparison
{
    public const string NoChange = "—";

    private static readonly ConditionalWeakTable<ReportTemplate, ConditionalWeakTable<ReportTemplate, Layout>> Layouts = new();

    // Last year's report in no known format: nothing of it can be matched by column.
    private static readonly ConditionalWeakTable<ReportTemplate, Layout> WithoutPreviousTemplate = new();

    /// <summary>Where a comparison row's cells are: table, item (table 二), row, this year's column, last year's (−1: none).</summary>
    private readonly record struct Entry(StatisticalTable Table, string? Item, string Row, int Column, int PreviousColumn, string Label);

    public static List<ComparisonTable> Compare(Report current, ReportTemplate? template, Report previous)
    {
        var tables = new List<ComparisonTable>(3);
        if (template is null)
        {
            return tables;
        }

        var previousTemplate = TemplateCatalog.Find(previous.Template) ?? (previous.Year is int year ? TemplateCatalog.ForYear(year) : null);
        var layout = previousTemplate is null
            ? WithoutPreviousTemplate.GetValue(template, static t => new Layout(t, null))
            : Layouts.GetValue(template, static _ => new()).GetValue(previousTemplate, previousFormat => new Layout(template, previousFormat));
        Add(tables, "主动公开政府信息情况", layout.Proactive, current, previous);
        Add(tables, "收到和处理政府信息公开申请情况（总计列）", layout.Requests, current, previous);
        Add(tables, "政府信息公开行政复议、行政诉讼情况（总计）", layout.ReviewLitigation, current, previous);
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

    private static void Add(List<ComparisonTable> tables, string caption, Entry[] entries, Report current, Report previous)
    {
        List<ComparisonRow>? rows = null;
        foreach (var entry in entries)
        {
            if (Cells(current, entry) is not { } cells)
            {
                continue;
            }

            CellValue? before = entry.PreviousColumn >= 0 && Cells(previous, entry) is { } previousCells
                ? CellFormat.At(previousCells, entry.PreviousColumn)
                : null;
            var now = CellFormat.At(cells, entry.Column);
            var (text, css) = Change(now, before);
            (rows ??= new List<ComparisonRow>(entries.Length)).Add(new ComparisonRow(entry.Label, now, before, text, css));
        }

        if (rows is not null)
        {
            tables.Add(new ComparisonTable(caption, rows));
        }
    }

    private static List<CellValue>? Cells(Report report, Entry entry) => entry.Table switch
    {
        StatisticalTable.Proactive => report.Tables.Proactive?.GetValueOrDefault(entry.Item!)?.GetValueOrDefault(entry.Row),
        StatisticalTable.Requests => report.Tables.Requests?.GetValueOrDefault(entry.Row),
        _ => report.Tables.ReviewLitigation?.GetValueOrDefault(entry.Row),
    };

    private sealed class Layout
    {
        public Layout(ReportTemplate template, ReportTemplate? previous)
        {
            var proactive = new List<Entry>();
            foreach (var item in template.Proactive)
            {
                var previousItem = previous?.Proactive.FirstOrDefault(i => i.Key == item.Key);
                foreach (var row in item.Rows)
                {
                    for (var c = 0; c < item.Columns.Count; c++)
                    {
                        var column = item.Columns[c];
                        var previousColumn = previousItem is null ? -1 : IndexOf(previousItem.Columns.Select(x => x.Key), column.Key);
                        proactive.Add(new Entry(StatisticalTable.Proactive, item.Key, row.Key, c, previousColumn, $"{item.Label} · {row.Label} · {column.Label}"));
                    }
                }
            }

            var total = template.Requests.ColumnIndex("total");
            var previousTotal = previous?.Requests.ColumnIndex("total") ?? -1;
            Requests = TemplateLayout.For(template).RequestsRows
                .Select(shape => new Entry(StatisticalTable.Requests, null, shape.Key, total, previousTotal,
                    shape.Group is null ? shape.Label : $"{shape.Group} · {shape.Label}"))
                .ToArray();

            var reviewTotal = IndexOf(template.ReviewLitigation.Columns.Select(c => c.Key), "total");
            var previousReviewTotal = previous is null ? -1 : IndexOf(previous.ReviewLitigation.Columns.Select(c => c.Key), "total");
            ReviewLitigation = template.ReviewLitigation.Groups
                .Select(group => new Entry(StatisticalTable.ReviewLitigation, null, group.Key, reviewTotal, previousReviewTotal,
                    group.Label.Replace("/", " · ", StringComparison.Ordinal) + " · 总计"))
                .ToArray();
            Proactive = [.. proactive];
        }

        public Entry[] Proactive { get; }

        public Entry[] Requests { get; }

        public Entry[] ReviewLitigation { get; }

        private static int IndexOf(IEnumerable<string> keys, string key)
        {
            var index = 0;
            foreach (var candidate in keys)
            {
                if (candidate == key)
                {
                    return index;
                }

                index++;
            }

            return -1;
        }
    }
}
