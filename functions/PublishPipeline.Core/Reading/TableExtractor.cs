using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

/// <summary>
/// Template-guided extraction of tables 二, 三 and 四 from table rows. Cells are walked in order: a label cell
/// (matched through <see cref="TableLabels"/>) claims the value cells that follow it in the same row, up to the
/// template's column count; table 四 is its first row of 15 values. Which table a row belongs to comes from the part
/// heading it sits under, overridden by what the cells say (第二十条…, the 勾稽 note, 行政复议…).
/// </summary>
internal sealed class TableExtractor
{
    private const int RequestColumns = 7;
    private const int ReviewValues = 15;

    // The contract's table keys, as Labels and ExtraRows address them.
    private const string ProactiveTable = "proactive";
    private const string RequestsTable = "requests";

    /// <summary>What authors print in a numeric cell instead of a number; every reader's layout treats them as values.</summary>
    internal static readonly HashSet<string> Placeholders = ["/", "-", "—", "－", "无", "——", "/ "];

    private readonly TableLabels labels = TableLabels.Instance;
    private readonly Dictionary<(string Item, string Row), List<CellValue>> proactive = [];
    private readonly Dictionary<string, List<CellValue>> requests = [];
    private readonly List<List<string>> reviewRows = [];
    private readonly Dictionary<string, string> printedLabels = [];
    private readonly Dictionary<string, List<string>> extraRows = [];
    private ReportTemplate? template;
    private bool singleOtherRow;
    private bool cutShort;
    private bool stream;
    private bool reviewCut;

    /// <summary>The tables found and the template they follow (null when there are no tables).</summary>
    public static (ReportTables Tables, string? Template) Extract(IReadOnlyList<LayoutItem> items, int? year)
    {
        var extractor = new TableExtractor();
        return extractor.Run(items, year);
    }

    private (ReportTables Tables, string? Template) Run(IReadOnlyList<LayoutItem> items, int? year)
    {
        var rows = new List<(TableRowItem Row, string? Section)>();
        string? section = null;
        foreach (var item in items)
        {
            switch (item)
            {
                case HeadingItem heading:
                    section = heading.Section.Key;
                    break;
                case TableRowItem row:
                    rows.Add((row, section));
                    break;
            }
        }

        if (rows.Count == 0)
        {
            return (new ReportTables(), null);
        }

        template = TemplateCatalog.Find(DetectFromLabels(rows.Select(r => r.Row)));
        string? context = null;
        string? group = null;
        // A document that ends inside a table (a cut excerpt) ends its last row early: that row is incomplete.
        var lastRow = items[^1] as TableRowItem;
        foreach (var (row, rowSection) in rows)
        {
            cutShort = row == lastRow;
            stream = row.Stream;
            if (rowSection is "proactive" or "requests" or "review_litigation" && rowSection != context)
            {
                context = rowSection;
                group = null;
            }

            // Table 四's column header row ("| 维持 | 纠正 | 其他结果 | 尚未审结 | …") opens table 四 even where its heading
            // was misnumbered or lost and its group labels (行政复议, 行政诉讼) were printed as a line of text by a PDF
            // conversion: the value row that follows is table 四's, not table 三's. So does a row of table 四's fifteen
            // values and no label, a shape no row of table 三 has (its header stacked one character a line and dropped).
            if (context != "review_litigation" && (IsReviewHeader(row.Cells) || IsReviewValueRow(row.Cells)))
            {
                context = "review_litigation";
                group = null;
            }

            Walk(row.Cells, ref context, ref group);
        }

        var found = proactive.Count > 0 || requests.Count > 0 || reviewRows.Count > 0;
        var id = template?.Id
            ?? (requests.Keys.Any(k => k.StartsWith("r6_", StringComparison.Ordinal)) ? "2021" : null)
            ?? (singleOtherRow ? "2019" : null)
            ?? (found && year is { } y ? TemplateCatalog.ForYear(y)?.Id : null);
        template = TemplateCatalog.Find(id);

        var tables = new ReportTables
        {
            Proactive = BuildProactive(),
            Requests = BuildRequests(),
            ReviewLitigation = BuildReview(),
            Labels = printedLabels.Count > 0 ? printedLabels : null,
            ExtraRows = extraRows.Count > 0 ? extraRows : null,
        };
        var any = tables.Proactive is not null || tables.Requests is not null || tables.ReviewLitigation is not null;
        return (tables, any ? id : null);
    }

    /// <summary>2021 if its own column/row labels appear (本年制发件数…, the three （六） sub-rows), 2019 likewise.</summary>
    private string? DetectFromLabels(IEnumerable<TableRowItem> rows)
    {
        int score2019 = 0, score2021 = 0;
        foreach (var cell in rows.SelectMany(r => r.Cells))
        {
            var folded = LabelText.Fold(cell);
            if (folded.Length == 0)
            {
                continue;
            }

            var core = LabelText.Core(folded);
            if (labels.Signals2021.Contains(core) || labels.Signals2021.Contains(folded))
            {
                score2021++;
            }
            else if (labels.Signals2019.Contains(core) || labels.Signals2019.Contains(folded))
            {
                score2019++;
            }
        }

        return score2021 > score2019 ? "2021" : score2019 > score2021 ? "2019" : null;
    }

    private void Walk(List<string> cells, ref string? context, ref string? group)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var folded = LabelText.Fold(cells[i]);
            if (folded.Length == 0)
            {
                continue;
            }

            var core = LabelText.Core(folded);
            if (folded.StartsWith("第二十条", StringComparison.Ordinal))
            {
                context = "proactive";
                continue;
            }

            if (folded.Contains("勾稽", StringComparison.Ordinal) || core == "申请人情况"
                || (labels.RequestRows.TryGetValue(core, out var top) && top == "new"))
            {
                if (context != "requests")
                {
                    group = null;
                }

                context = "requests";
            }
            else if (context is null && labels.RequestRows.ContainsKey(core))
            {
                // A page that starts inside table 三 (a flip-book page, a cut excerpt) shows a row label first.
                context = "requests";
            }
            else if (core is "行政复议" or "行政诉讼")
            {
                context = "review_litigation";
            }

            switch (context)
            {
                case "proactive":
                    i = ProactiveCell(cells, i, core);
                    break;
                case "requests":
                    i = RequestCell(cells, i, folded, core, ref group);
                    break;
                case "review_litigation":
                    // Table 四 is read as a whole once all its rows are known.
                    reviewRows.Add(cells.GetRange(i, cells.Count - i));
                    reviewCut |= cutShort;
                    return;
            }
        }
    }

    private int ProactiveCell(List<string> cells, int i, string core)
    {
        if (!labels.ProactiveRows.TryGetValue(core, out var row))
        {
            return ExtraRow(cells, i, ProactiveTable, 1);
        }

        var columns = template?.Proactive.FirstOrDefault(p => p.Key == row.Item)?.Columns.Count ?? 3;
        var values = TakeValues(cells, i + 1, columns);
        if (values.Count == 0 && LeftBlank(cells, i))
        {
            values = Pad(values, columns);
            proactive.TryAdd(row, values);
            RecordLabel($"{ProactiveTable}/{row.Item}/{row.Row}", cells[i]);
            return i;
        }

        // The cells this row took, counted before padding: a short row must not swallow the labels after it.
        var taken = values.Count;
        if (taken > 0 && proactive.TryAdd(row, Pad(values, columns)))
        {
            RecordLabel($"{ProactiveTable}/{row.Item}/{row.Row}", cells[i]);
        }

        return i + taken;
    }

    private int RequestCell(List<string> cells, int i, string folded, string core, ref string? group)
    {
        string? key = null;
        if (labels.RequestGroups.Contains(core))
        {
            group = core;
            var next = NextNonEmpty(cells, i + 1);
            // Only a sub-row ("1.申请人无正当理由…") makes it a group: 2019's "（六）其他处理" left blank is followed by "（七）总计".
            var followedByLabel = next is not null && IsSubRowLabel(LabelText.Fold(next));

            // 2019's single "（六）其他处理" row carries values; in 2021 the same words head three sub-rows.
            if (!followedByLabel && labels.GroupRows.TryGetValue(core, out var groupRow))
            {
                key = groupRow;
                singleOtherRow = true;
            }
        }
        else if (folded == core && labels.HeaderWords.Contains(core))
        {
            // A bare 总计 (no "（七）") heads the total column; the row is always numbered.
            return i;
        }
        else if (labels.RequestRows.TryGetValue(core, out var topKey))
        {
            key = topKey;
            group = null;
        }
        else
        {
            var number = LabelText.LeadingNumber(folded);
            var subCore = LabelText.Core(folded);
            if (group is not null && labels.RequestSubRows.TryGetValue((group, subCore), out var byCore))
            {
                key = byCore;
            }
            else if (labels.RequestSubCores.TryGetValue(subCore, out var loose) && subCore.Length > 2)
            {
                // The sub-row's own words outrank its position: a converter that prints a merged group cell
                // ("（六）其他处理") on the middle row leaves "1.申请人无正当理由…" under the group before it.
                key = loose;
            }
            else if (group is not null && number > 0 && labels.RequestSubRows.TryGetValue((group, number), out byCore))
            {
                key = byCore;
            }
        }

        if (key is null)
        {
            return labels.IsLabel(folded) ? i : ExtraRow(cells, i, RequestsTable, 3);
        }

        var values = TakeValues(cells, i + 1, RequestColumns);
        if (values.Count == 0 && LeftBlank(cells, i))
        {
            if (requests.TryAdd(key, Pad(values, RequestColumns)))
            {
                RecordLabel($"{RequestsTable}/{key}", cells[i]);
            }

            return i;
        }

        if (values.Count == 0)
        {
            // A header cell such as 总计 names a column, not a row.
            return i;
        }

        var taken = values.Count;
        if (requests.TryAdd(key, Pad(values, RequestColumns)))
        {
            RecordLabel($"{RequestsTable}/{key}", cells[i]);
        }

        return i + taken;
    }

    /// <summary>The label as printed (B5), without the pinyin a mirror site wrapped around it (I2 reports that).</summary>
    private void RecordLabel(string address, string cell) =>
        printedLabels.TryAdd(address, LabelText.WithoutPinyin(CellParser.Trim(cell)));

    /// <summary>
    /// A row the template does not have ("其他主动公开文件 | 1 | 0 | 1"): a short text cell that is no label, followed by
    /// at least <paramref name="minNumbers"/> numbers before the next label. Its values are skipped, not put into the
    /// table (no rule may sum them); its label is kept for B4. Anything else (a note, a fragment) is passed over.
    /// </summary>
    private int ExtraRow(List<string> cells, int i, string table, int minNumbers)
    {
        var printed = CellParser.Trim(cells[i]);
        var folded = LabelText.Fold(printed);
        if (folded.Length is < 2 or > MaxExtraLabel || IsValueCell(printed) || labels.IsLabel(folded)
            || !folded.Any(c => c >= '\u4E00' && c <= '\u9FFF') || folded.Contains("注", StringComparison.Ordinal)
            || TemplateLabelText.Value.Any(l => l.Contains(folded, StringComparison.Ordinal)))
        {
            return i;
        }

        var end = i + 1;
        var numbers = 0;
        while (end < cells.Count && !labels.IsLabel(LabelText.Fold(cells[end])) && IsValueCell(cells[end]))
        {
            numbers += CellParser.TryParseNumber(LabelText.FoldWidth(CellParser.Trim(cells[end])), out _) ? 1 : 0;
            end++;
        }

        if (numbers < minNumbers)
        {
            return i;
        }

        if (!extraRows.TryGetValue(table, out var list))
        {
            list = [];
            extraRows[table] = list;
        }

        var label = LabelText.WithoutPinyin(printed);
        if (!list.Contains(label))
        {
            list.Add(label);
        }

        return end - 1;
    }

    /// <summary>
    /// Three or more different cells that are table 四's column words or the pieces a PDF conversion cut them into
    /// (维持, 纠正, 尚未, 审结 of 结果维持 … 尚未审结), none of them a word table 三 uses too (其他, 总计), and no row label.
    /// </summary>
    private bool IsReviewHeader(List<string> cells)
    {
        // A header has no digits; a row with values (every row of table 三) or a numbered label is told at once.
        if (cells.Count < 3 || cells.Any(c => c.AsSpan().IndexOfAnyInRange('0', '9') >= 0))
        {
            return false;
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            var key = TableLabels.Key(cell);
            if (key.Length < 2)
            {
                continue;
            }

            if (ReviewColumnText.Value.Review.Any(w => w.Contains(key, StringComparison.Ordinal))
                && !ReviewColumnText.Value.Requests.Any(w => w.Contains(key, StringComparison.Ordinal)))
            {
                words.Add(key);
            }
            else if (labels.IsLabel(LabelText.Fold(cell)) && !labels.HeaderWords.Contains(key))
            {
                return false;
            }
        }

        return words.Count >= 3;
    }

    /// <summary>Exactly table 四's fifteen cells, every one a value (a number, or blank / "-" in a row the layout kept).</summary>
    private bool IsReviewValueRow(List<string> cells)
    {
        if (cells.Count < ReviewValues || cells.Count(c => !string.IsNullOrWhiteSpace(c)) < ReviewValues)
        {
            return false;
        }

        var values = cells.Where(c => CellParser.Trim(c).Length > 0).ToList();
        return values.Count == ReviewValues && values.All(IsValueCell) && values.Any(c => CellParser.TryParseNumber(LabelText.FoldWidth(CellParser.Trim(c)), out _));
    }

    /// <summary>The column labels of table 四 and of table 三 in every template, as keys.</summary>
    private static readonly Lazy<(List<string> Review, List<string> Requests)> ReviewColumnText = new(() => (
        TemplateCatalog.All.SelectMany(t => t.ReviewLitigation.Columns).Select(c => TableLabels.Key(c.Label)).Distinct().ToList(),
        TemplateCatalog.All.SelectMany(t => t.Requests.Columns).Select(c => TableLabels.Key(c.Label)).Distinct().ToList()));

    /// <summary>
    /// Every printed label of every template, folded, also as an s2twp mirror words it (…其政府資訊公開申請): a cell inside
    /// one is a wrapped fragment of a real label.
    /// </summary>
    private static readonly Lazy<List<string>> TemplateLabelText = new(() => TemplateCatalog.All
        .SelectMany(t => t.Proactive.SelectMany(p => p.Rows.Select(r => r.Label)).Concat(t.Requests.Rows.Select(r => r.Label.Replace("/", "", StringComparison.Ordinal))))
        .Select(LabelText.Fold)
        .SelectMany(label => new[] { label, ChineseConversion.ToTaiwanPhrases(label) })
        .Distinct()
        .ToList());

    // An extra row's label is short ("其他主动公开文件"); a longer text cell is a note or a sentence.
    private const int MaxExtraLabel = 30;

    /// <summary>Up to <paramref name="max"/> cells after a label, stopping at the next label.</summary>
    private List<CellValue> TakeValues(List<string> cells, int start, int max)
    {
        var values = new List<CellValue>(max);
        for (var j = start; j < cells.Count && values.Count < max; j++)
        {
            if (labels.IsLabel(LabelText.Fold(cells[j])))
            {
                break;
            }

            values.Add(CellParser.Parse(cells[j]));
        }

        // A row cut off by the end of the document is absent, not padded with blanks.
        if (cutShort && values.Count < max && start + values.Count >= cells.Count)
        {
            values.Clear();
            return values;
        }

        // A label followed by a stray empty cell or two is a header (总计 over its column), not a row of blanks;
        // a full row of blank cells is a row, and rule C1 reports it.
        if (values.Count < max && values.All(v => v.IsBlank))
        {
            values.Clear();
        }

        return values;
    }

    /// <summary>
    /// A row label in a one-cell-a-line table followed straight by the next label: a row the author left blank, as a
    /// table of labels without values (an office that filled in nothing) prints it. Blank is not 0: C1 names each cell.
    /// </summary>
    private bool LeftBlank(List<string> cells, int i) =>
        stream && i + 1 < cells.Count && labels.IsLabel(LabelText.Fold(cells[i + 1]));

    private bool IsSubRowLabel(string folded) =>
        labels.IsLabel(folded) && (LabelText.LeadingNumber(folded) > 0 || labels.RequestSubCores.ContainsKey(LabelText.Core(folded)))
        && !labels.RequestRows.ContainsKey(LabelText.Core(folded));

    private static string? NextNonEmpty(List<string> cells, int start)
    {
        for (var j = start; j < cells.Count; j++)
        {
            if (CellParser.Trim(cells[j]).Length > 0)
            {
                return cells[j];
            }
        }

        return null;
    }

    private static List<CellValue> Pad(List<CellValue> values, int count)
    {
        while (values.Count < count)
        {
            values.Add(CellValue.Blank);
        }

        return values;
    }

    private bool IsValueCell(string cell)
    {
        var trimmed = CellParser.Trim(cell);
        if (trimmed.Length == 0 || Placeholders.Contains(trimmed) || CellParser.TryParseNumber(LabelText.FoldWidth(trimmed), out _))
        {
            return true;
        }

        return trimmed.Length <= 12 && trimmed.Any(char.IsAsciiDigit) && !labels.IsLabel(LabelText.Fold(trimmed));
    }

    private Dictionary<string, Dictionary<string, List<CellValue>>>? BuildProactive()
    {
        if (proactive.Count == 0)
        {
            return null;
        }

        var order = (template is null ? TemplateCatalog.All : [template, .. TemplateCatalog.All])
            .SelectMany(t => t.Proactive.SelectMany(p => p.Rows.Select(r => (p.Key, r.Key))))
            .Distinct();
        var result = new Dictionary<string, Dictionary<string, List<CellValue>>>();
        foreach (var key in order)
        {
            if (proactive.TryGetValue(key, out var cells))
            {
                if (!result.TryGetValue(key.Item1, out var item))
                {
                    item = [];
                    result[key.Item1] = item;
                }

                item[key.Item2] = cells;
            }
        }

        return result;
    }

    private Dictionary<string, List<CellValue>>? BuildRequests()
    {
        if (requests.Count == 0)
        {
            return null;
        }

        var order = (template is null ? TemplateCatalog.All : [template, .. TemplateCatalog.All])
            .SelectMany(t => t.Requests.Rows.Select(r => r.Key))
            .Distinct();
        var result = new Dictionary<string, List<CellValue>>();
        foreach (var key in order)
        {
            if (requests.TryGetValue(key, out var cells))
            {
                result[key] = cells;
            }
        }

        return result;
    }

    private Dictionary<string, List<CellValue>>? BuildReview()
    {
        var values = FindReviewValues();
        if (values is null)
        {
            return null;
        }

        var shape = (template ?? TemplateCatalog.All[0]).ReviewLitigation;
        var width = shape.Columns.Count;
        var result = new Dictionary<string, List<CellValue>>();
        for (var g = 0; g < shape.Groups.Count; g++)
        {
            result[shape.Groups[g].Key] = values.Skip(g * width).Take(width).Select(CellParser.Parse).ToList();
        }

        return result;
    }

    /// <summary>The first row ending in 15 value cells; failing that, the first 15 non-empty values in reading order.</summary>
    private List<string>? FindReviewValues()
    {
        foreach (var row in reviewRows)
        {
            var trailing = 0;
            for (var j = row.Count - 1; j >= 0 && IsValueCell(row[j]); j--)
            {
                trailing++;
            }

            var tail = row.Skip(row.Count - trailing).ToList();
            if (trailing >= ReviewValues && tail.Any(c => CellParser.Trim(c).Length > 0))
            {
                return tail.Skip(trailing - ReviewValues).ToList();
            }
        }

        var flat = reviewRows.SelectMany(r => r).Where(c => CellParser.Trim(c).Length > 0 && IsValueCell(c)).ToList();
        if (flat.Count >= ReviewValues)
        {
            return flat.Take(ReviewValues).ToList();
        }

        // Table 四 printed with its headers and no values (a row of blank cells, or no row at all in a table of labels)
        // is a table of blanks, unless the document was cut off inside it.
        var headers = reviewRows.SelectMany(r => r).Count(c => labels.ReviewWords.Contains(TableLabels.Key(c)));
        var blankRow = reviewRows.Any(r => r.Count >= ReviewValues && r.TakeLast(ReviewValues).All(c => CellParser.Trim(c).Length == 0));
        return flat.Count == 0 && headers >= 3 && (blankRow || !reviewCut) ? [.. Enumerable.Repeat("", ReviewValues)] : null;
    }
}
