using PublishPipeline.Reports;

namespace PublishPipeline.Site.OpenData;

/// <summary>
/// One CSV per statistical table a report has (二 <c>proactive.csv</c>, 三 <c>requests.csv</c>, 四
/// <c>review_litigation.csv</c>), beside its page, for people who open it in Excel and researchers who join many.
/// </summary>
/// <remarks>
/// <para>Every header reads "中文（key）": the template's Chinese label and the contract's ASCII key, so one header row
/// serves both readers (a second header row would break every CSV reader).</para>
/// <para>Columns: the row's Chinese label (for table 二 first the item, 第二十条第（N）项), then its contract key
/// (<c>item_key</c> and <c>row_key</c>, e.g. <c>art20_1</c>, <c>rules</c>; <c>r3_1</c>; <c>suit_direct</c>) — the
/// join key across reports — then one column per template column in the template's order. Table 二's items have
/// different columns: the file has the union in order of first appearance, and an item's row leaves the columns it
/// does not have empty. Table 四's rows are its groups (行政复议, 行政诉讼/未经复议直接起诉, 行政诉讼/复议后起诉).</para>
/// <para>Rows: the rows the report has, in the template's order (a row the document did not contain is left out, as
/// in the contract: absent is not blank). A blank cell is an empty field, a number a number, raw text verbatim with
/// the CSV-injection guard of <see cref="CsvBuilder"/> (a text field starting with = + - @ TAB CR or an apostrophe
/// gets one leading apostrophe).</para>
/// </remarks>
public static class TableCsv
{
    public const string Proactive = "proactive";
    public const string Requests = "requests";
    public const string ReviewLitigation = "review_litigation";

    public static IReadOnlyList<SiteFile> For(ReportDocument document, int year, string agencyId)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyId);
        var report = document.Report;
        var template = TemplateCatalog.Find(report.Template) ?? TemplateCatalog.ForYear(report.Year ?? year);
        var labels = report.Tables.Labels;
        var files = new List<SiteFile>(3);

        if (report.Tables.Proactive is { Count: > 0 } proactive)
        {
            files.Add(ProactiveFile(proactive, template, labels).ToFile(SitePaths.ReportTableCsv(year, agencyId, Proactive)));
        }

        if (report.Tables.Requests is { Count: > 0 } requests)
        {
            var columns = template?.Requests.Columns ?? [];
            var rows = template?.Requests.Rows ?? [];
            files.Add(FlatFile(requests, rows, columns, "requests", labels).ToFile(SitePaths.ReportTableCsv(year, agencyId, Requests)));
        }

        if (report.Tables.ReviewLitigation is { Count: > 0 } review)
        {
            var columns = template?.ReviewLitigation.Columns ?? [];
            var groups = template?.ReviewLitigation.Groups ?? [];
            files.Add(FlatFile(review, groups, columns, "review_litigation", labels).ToFile(SitePaths.ReportTableCsv(year, agencyId, ReviewLitigation)));
        }

        return files;
    }

    internal static string Header(string label, string key) => $"{label}（{key}）";

    private static CsvBuilder FlatFile(
        Dictionary<string, List<CellValue>> table,
        IReadOnlyList<KeyedLabel> templateRows,
        IReadOnlyList<KeyedLabel> templateColumns,
        string tableKey,
        Dictionary<string, string>? printedLabels)
    {
        var rows = Ordered(table, templateRows, key => PrintedLabel(printedLabels, $"{tableKey}/{key}") ?? key);
        var columns = Widen(templateColumns, rows.Select(r => r.Cells.Count).DefaultIfEmpty(0).Max());

        var csv = new CsvBuilder();
        csv.Text(Header("项目", "row")).Text(Header("行键", "row_key"));
        foreach (var column in columns)
        {
            csv.Text(Header(column.Label, column.Key));
        }

        csv.EndRow();
        foreach (var row in rows)
        {
            csv.Text(row.Label).Text(row.Key);
            for (var c = 0; c < columns.Count; c++)
            {
                csv.Cell(c < row.Cells.Count ? row.Cells[c] : CellValue.Blank);
            }

            csv.EndRow();
        }

        return csv;
    }

    private static CsvBuilder ProactiveFile(
        Dictionary<string, Dictionary<string, List<CellValue>>> table,
        ReportTemplate? template,
        Dictionary<string, string>? printedLabels)
    {
        var items = template?.Proactive ?? [];
        var itemOrder = items.Select(i => i.Key).Where(table.ContainsKey).Concat(table.Keys.Where(k => items.All(i => i.Key != k))).ToList();

        // The union of the items' columns by key; each item's cells map to their column by the item's own column keys.
        var columns = new List<KeyedLabel>();
        var lines = new List<(string ItemLabel, string ItemKey, Row Row, int[] ColumnIndex)>();
        foreach (var itemKey in itemOrder)
        {
            var item = items.FirstOrDefault(i => i.Key == itemKey);
            var rows = Ordered(
                table[itemKey],
                item?.Rows ?? [],
                key => PrintedLabel(printedLabels, $"proactive/{itemKey}/{key}") ?? key);
            var itemColumns = Widen(item?.Columns.Select(c => new KeyedLabel(c.Key, c.Label)).ToList() ?? [], rows.Select(r => r.Cells.Count).DefaultIfEmpty(0).Max());
            var index = itemColumns.Select(column =>
            {
                var at = columns.FindIndex(c => c.Key == column.Key);
                if (at < 0)
                {
                    columns.Add(column);
                    at = columns.Count - 1;
                }

                return at;
            }).ToArray();
            lines.AddRange(rows.Select(row => (item?.Label ?? itemKey, itemKey, row, index)));
        }

        var csv = new CsvBuilder();
        csv.Text(Header("条款", "item")).Text(Header("项目", "row")).Text(Header("条款键", "item_key")).Text(Header("行键", "row_key"));
        foreach (var column in columns)
        {
            csv.Text(Header(column.Label, column.Key));
        }

        csv.EndRow();
        foreach (var (itemLabel, itemKey, row, index) in lines)
        {
            csv.Text(itemLabel).Text(row.Label).Text(itemKey).Text(row.Key);
            var cells = new CellValue?[columns.Count];
            for (var c = 0; c < row.Cells.Count; c++)
            {
                cells[index[c]] = row.Cells[c];
            }

            foreach (var cell in cells)
            {
                if (cell is { } value)
                {
                    csv.Cell(value);
                }
                else
                {
                    csv.Empty();
                }
            }

            csv.EndRow();
        }

        return csv;
    }

    private sealed record Row(string Key, string Label, List<CellValue> Cells);

    /// <summary>The table's rows in the template's order, then any the template does not know in the document's order.</summary>
    private static List<Row> Ordered(Dictionary<string, List<CellValue>> table, IReadOnlyList<KeyedLabel> templateRows, Func<string, string> unknownLabel)
    {
        var rows = new List<Row>(table.Count);
        foreach (var row in templateRows)
        {
            if (table.TryGetValue(row.Key, out var cells))
            {
                rows.Add(new Row(row.Key, row.Label, cells));
            }
        }

        foreach (var (key, cells) in table)
        {
            if (templateRows.All(r => r.Key != key))
            {
                rows.Add(new Row(key, unknownLabel(key), cells));
            }
        }

        return rows;
    }

    /// <summary>The template's columns, widened with "第N列（col_N）" when a row has more cells than the template.</summary>
    private static IReadOnlyList<KeyedLabel> Widen(IReadOnlyList<KeyedLabel> columns, int width)
    {
        if (width <= columns.Count)
        {
            return columns;
        }

        var wider = columns.ToList();
        for (var n = columns.Count + 1; n <= width; n++)
        {
            var number = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            wider.Add(new KeyedLabel("col_" + number, $"第{number}列"));
        }

        return wider;
    }

    private static string? PrintedLabel(Dictionary<string, string>? labels, string key) =>
        labels is not null && labels.TryGetValue(key, out var label) && !string.IsNullOrWhiteSpace(label) ? label : null;
}
