using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Reading.Flattened;

/// <summary>
/// Reads one table of a flattened text: the region is cut into label text and runs of digits, each row label (found
/// through <see cref="TableLabels"/>, so every known variant counts) takes the run after it, and the runs are split by
/// <see cref="RunSplitter"/> and <see cref="TableSolver"/>. A numbered sub-row label glued to the run before it
/// ("…00000002.其他法律…") is told apart from the run's digits by the template's next sub-row number. Rows read
/// exactly become table rows for <see cref="TableExtractor"/>; the others are returned as unread.
/// </summary>
internal static partial class FlattenedTable
{
    private const int NoteReach = 15;

    private sealed class Segment(bool isRun, string text)
    {
        public bool IsRun { get; } = isRun;

        public string Text { get; set; } = text;
    }

    private sealed record PrintedRow(string Key, string Label, string? GroupLabel, string Run);

    /// <summary>The template whose own labels (TableLabels' signals) the text prints more of; the newest on a tie.</summary>
    public static ReportTemplate DetectTemplate(string text)
    {
        var folded = LabelText.Fold(text);
        var labels = TableLabels.Instance;
        var score2019 = labels.Signals2019.Count(s => s.Length > 2 && folded.Contains(s, StringComparison.Ordinal));
        var score2021 = labels.Signals2021.Count(s => s.Length > 2 && folded.Contains(s, StringComparison.Ordinal));
        return TemplateCatalog.Find(score2019 > score2021 ? "2019" : "2021") ?? TemplateCatalog.All[^1];
    }

    /// <summary>Where the part's table begins (第二十条…, the 勾稽 note, 申请人情况, the 行政复议/行政诉讼 header), or -1.</summary>
    public static int TableStart(string part, string section)
    {
        var text = LabelText.Simplify(LabelText.FoldWidth(part));
        int[] starts = section switch
        {
            "proactive" => [text.IndexOf("第二十条", StringComparison.Ordinal)],
            "requests" => [NoteStart(text), text.IndexOf("申请人情况", StringComparison.Ordinal), text.IndexOf("本年新收", StringComparison.Ordinal)],
            _ => [ReviewHeader().Match(text) is { Success: true } m ? m.Index : -1],
        };
        return starts.Where(s => s >= 0).DefaultIfEmpty(-1).Min();
    }

    private static int NoteStart(string text)
    {
        var note = text.IndexOf("勾稽", StringComparison.Ordinal);
        if (note < 0)
        {
            return -1;
        }

        var open = text.LastIndexOf('(', note);
        return open >= 0 && note - open <= NoteReach ? open : note;
    }

    /// <summary>A row label as printed, with a note in brackets after it (规章(县级无此项)), is far shorter than this.</summary>
    private const int MaxLabelLength = 200;

    public static void Read(string region, string section, ReportTemplate template, int line, List<LayoutItem> items, List<UnreadRow> unread)
    {
        var segments = Tokenise(region);
        switch (section)
        {
            case "proactive":
                ReadProactive(segments, template, line, items, unread);
                break;
            case "requests":
                ReadRequests(segments, template, line, items, unread);
                break;
            default:
                ReadReview(segments, template, line, items, unread);
                break;
        }
    }

    private static void ReadProactive(List<Segment> segments, ReportTemplate template, int line, List<LayoutItem> items, List<UnreadRow> unread)
    {
        var labels = TableLabels.Instance;
        (string Item, string Row, string Label)? pending = null;
        foreach (var segment in segments)
        {
            if (segment.IsRun)
            {
                if (pending is { } row)
                {
                    var columns = (template.Proactive.FirstOrDefault(p => p.Key == row.Item)
                        ?? TemplateCatalog.All.SelectMany(t => t.Proactive).First(p => p.Key == row.Item)).Columns;
                    var splits = RunSplitter.Split(
                        segment.Text,
                        columns.Select(c => c.Type.StartsWith("decimal", StringComparison.Ordinal) || c.Type.StartsWith("money", StringComparison.Ordinal)).ToArray(),
                        signed: columns.Select(c => c.Type.StartsWith("signed", StringComparison.Ordinal)).ToArray());
                    if (splits.IsUnique)
                    {
                        items.Add(new TableRowItem(line, [row.Label, .. splits.Candidates[0].Select(Show)]));
                    }
                    else
                    {
                        unread.Add(TableSolver.Unread(TableSolver.ValidationTable.Proactive, $"{row.Item}/{row.Row}", CellParser.Trim(segment.Text), splits.Complete ? splits.Candidates : null));
                    }
                }

                pending = null;
                continue;
            }

            if (ItemHeading().Matches(LabelText.Simplify(LabelText.FoldWidth(segment.Text))) is { Count: > 0 } headings)
            {
                // The item's number and the column labels it prints: TableExtractor tells the template by them.
                var header = new List<string>();
                foreach (Match match in headings)
                {
                    header.Add(match.Value);
                }

                var folded = LabelText.Fold(segment.Text);
                header.AddRange(TemplateCatalog.All.SelectMany(t => t.Proactive).SelectMany(p => p.Columns).Select(c => c.Label).Distinct()
                    .Where(c => folded.Contains(LabelText.Fold(c), StringComparison.Ordinal)));
                items.Add(new TableRowItem(line, header));
            }

            pending = null;
            foreach (var (label, folded) in Suffixes(segment.Text))
            {
                if (labels.ProactiveRows.TryGetValue(LabelText.Core(folded), out var key))
                {
                    pending = (key.Item, key.Row, label);
                    break;
                }
            }
        }
    }

    private static void ReadRequests(List<Segment> segments, ReportTemplate template, int line, List<LayoutItem> items, List<UnreadRow> unread)
    {
        var labels = TableLabels.Instance;
        var rows = new List<PrintedRow>();
        string? group = null;
        string? groupLabel = null;
        var lastSub = 0;
        (string Key, string Label, string? GroupLabel)? pending = null;
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            if (segment.IsRun)
            {
                var next = s + 1 < segments.Count ? segments[s + 1] : null;
                var run = segment.Text;
                if (next is { IsRun: false } && next.Text.Length > 0 && next.Text[0] is '.' or '、' or '．')
                {
                    // "…00000002.其他法律…": the sub-row number is glued to the run; the template says which it is.
                    var (values, number) = SplitNumber(run, pending is not null, group is null ? null : lastSub + 1);
                    next.Text = number.ToString(CultureInfo.InvariantCulture) + next.Text;
                    run = values;
                }

                if (pending is { } row && CellParser.Trim(run).Length > 0)
                {
                    rows.Add(new PrintedRow(row.Key, row.Label, row.GroupLabel, CellParser.Trim(run)));
                    groupLabel = row.GroupLabel is null ? groupLabel : null;
                }

                pending = null;
                continue;
            }

            pending = null;
            var foldedText = LabelText.Fold(segment.Text);
            foreach (var candidate in labels.RequestGroups)
            {
                if (foldedText.Contains(")" + candidate, StringComparison.Ordinal))
                {
                    group = candidate;
                    lastSub = 0;
                    groupLabel = GroupLabel(segment.Text, candidate);
                }
            }

            foreach (var (label, folded) in Suffixes(segment.Text))
            {
                var core = LabelText.Core(folded);
                var number = LabelText.LeadingNumber(folded);
                if (labels.RequestGroups.Contains(core))
                {
                    // 2019's single （六）其他处理 row takes values; in 2021 the same words head sub-rows.
                    group = core;
                    lastSub = 0;
                    groupLabel = label;
                    pending = labels.GroupRows.TryGetValue(core, out var groupRow) ? (groupRow, label, null) : null;
                    break;
                }

                if (number == 0 && labels.RequestRows.TryGetValue(core, out var top))
                {
                    group = null;
                    groupLabel = null;
                    pending = (top, label, null);
                    break;
                }

                if (group is not null && (labels.RequestSubRows.TryGetValue((group, core), out var sub)
                    || (number > 0 && labels.RequestSubRows.TryGetValue((group, number), out sub))))
                {
                    lastSub = number > 0 ? number : lastSub + 1;
                    pending = (sub, label, groupLabel);
                    break;
                }
            }
        }

        var outcome = TableSolver.SolveRequests(rows.Select(r => new TableSolver.RowRun(r.Key, r.Run)).ToList(), template);
        unread.AddRange(outcome.Unread);
        items.Add(new TableRowItem(line, ["申请人情况"]));
        var emitted = new HashSet<string>();
        foreach (var row in rows)
        {
            var cells = new List<string>();
            if (row.GroupLabel is not null)
            {
                cells.Add(row.GroupLabel);
            }

            cells.Add(row.Label);
            if (emitted.Add(row.Key) && outcome.Read.TryGetValue(row.Key, out var values))
            {
                cells.AddRange(values.Select(Show));
            }

            items.Add(new TableRowItem(line, cells));
        }
    }

    private static void ReadReview(List<Segment> segments, ReportTemplate template, int line, List<LayoutItem> items, List<UnreadRow> unread)
    {
        var printed = string.Join(" ", segments.Where(s => s.IsRun).Select(s => CellParser.Trim(s.Text)));
        if (printed.Length == 0)
        {
            return;
        }

        var outcome = TableSolver.SolveReview(printed, template);
        if (outcome.Unread.Count > 0)
        {
            unread.AddRange(outcome.Unread);
            return;
        }

        items.Add(new TableRowItem(line, ["行政复议", .. template.ReviewLitigation.Groups.SelectMany(g => outcome.Read[g.Key]).Select(Show)]));
    }

    /// <summary>
    /// The run's digits and the sub-row number glued to its end: the expected number when the run ends with it, else
    /// the last digit. A run that follows no row label is the number alone.
    /// </summary>
    private static (string Values, int Number) SplitNumber(string run, bool hasRow, int? expected)
    {
        var digits = string.Concat(run.Where(char.IsAsciiDigit));
        var take = expected is { } k && digits.Length > k.ToString(CultureInfo.InvariantCulture).Length
            && digits.EndsWith(k.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? k.ToString(CultureInfo.InvariantCulture).Length
            : 1;
        if (!hasRow || digits.Length <= take)
        {
            take = digits.Length <= 2 ? digits.Length : take;
            return ("", int.Parse(digits[^take..], CultureInfo.InvariantCulture));
        }

        var cut = run.TrimEnd();
        var number = int.Parse(digits[^take..], CultureInfo.InvariantCulture);
        return (cut[..^take], number);
    }

    /// <summary>
    /// "（三）不予公开" as printed, out of a text that holds it. White space is passed over, as the caller's folded match
    /// did (found fuzzing: a tab inside "不予\t公开" left the label unfound, and cutting at -1 threw).
    /// </summary>
    private static string GroupLabel(string text, string core)
    {
        var folded = LabelText.Simplify(LabelText.FoldWidth(text));
        if (folded.Length != text.Length)
        {
            return core;
        }

        var compact = new StringBuilder(folded.Length);
        var positions = new List<int>(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            if (!char.IsWhiteSpace(folded[i]))
            {
                compact.Append(folded[i]);
                positions.Add(i);
            }
        }

        var squeezed = compact.ToString();
        var at = squeezed.LastIndexOf(core, StringComparison.Ordinal);
        if (at < 0)
        {
            return core;
        }

        var open = at > 0 ? squeezed.LastIndexOf('(', at) : -1;
        var end = positions[at + core.Length - 1] + 1;
        return CellParser.Trim(text[positions[open >= 0 && at - open <= 5 ? open : at]..end]);
    }

    /// <summary>
    /// The text's suffixes from the longest, each with its folded form: the row label is the longest that is one. Only
    /// the last <see cref="MaxLabelLength"/> characters can hold it: every suffix is a copy, so without the bound a long
    /// label text (found fuzzing: "（一）" pasted 3,760 times into a crawled page allocated 413 MB) costs its length squared.
    /// </summary>
    private static IEnumerable<(string Label, string Folded)> Suffixes(string text)
    {
        var trimmed = CellParser.Trim(text);
        for (var p = Math.Max(0, trimmed.Length - MaxLabelLength); p < trimmed.Length; p++)
        {
            if (char.IsWhiteSpace(trimmed[p]))
            {
                continue;
            }

            var label = CellParser.Trim(trimmed[p..]);
            var folded = LabelText.Fold(label);
            if (folded.Length > 0)
            {
                yield return (label, folded);
            }
        }
    }

    /// <summary>
    /// Runs of digits (with inner decimal points, and spaces between digits) and the label text between them.
    /// </summary>
    private static List<Segment> Tokenise(string region)
    {
        var segments = new List<Segment>();
        var i = 0;
        while (i < region.Length)
        {
            var start = i;
            if (char.IsAsciiDigit(region[i]))
            {
                while (i < region.Length && InRun(region, i))
                {
                    i++;
                }

                segments.Add(new Segment(true, region[start..i]));
                continue;
            }

            while (i < region.Length && !char.IsAsciiDigit(region[i]))
            {
                i++;
            }

            segments.Add(new Segment(false, region[start..i]));
        }

        return segments;
    }

    private static bool InRun(string text, int i)
    {
        var ch = text[i];
        if (char.IsAsciiDigit(ch))
        {
            return true;
        }

        if (ch == '.')
        {
            return i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]);
        }

        // 2019's 本年增/减 may be negative: "行政处罚2648-18538" is one run whose minus starts a cell.
        if (ch is '-' or '－' or '−')
        {
            return i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]);
        }

        if (ch is ' ' or '\u3000' or '\u00A0' or '\t')
        {
            var j = i;
            while (j < text.Length && text[j] is ' ' or '\u3000' or '\u00A0' or '\t')
            {
                j++;
            }

            // A space between two digits separates cells, unless the digit after it starts a numbered label ("1.属于…").
            return j < text.Length && char.IsAsciiDigit(text[j]) && !StartsNumberedLabel(text, j);
        }

        return false;
    }

    private static bool StartsNumberedLabel(string text, int at)
    {
        var j = at;
        while (j < text.Length && char.IsAsciiDigit(text[j]))
        {
            j++;
        }

        return j + 1 < text.Length && text[j] is '.' or '、' or '．' && !char.IsAsciiDigit(text[j + 1]);
    }

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"第二十条第\s*\(\s*[一二三四五六七八九十]+\s*\)\s*项")]
    private static partial Regex ItemHeading();

    [GeneratedRegex(@"行政复议\s*(?:、|和)?\s*行政诉讼|结果维持")]
    private static partial Regex ReviewHeader();
}
