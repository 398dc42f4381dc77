using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PublishPipeline.Reading.Pdf;

/// <summary>
/// Turns the lines of a PDF's text layer into the layout items every reader shares (headings, narrative, table rows),
/// undoing what page layout did to the text: page numbers and running heads go, a paragraph the page wrapped over
/// lines (or over a page break) is one narrative item again, a title printed over two lines in a large font is one
/// line, and a table label wrapped inside its cell is joined with the fragment its values stand beside. Which lines are
/// table rows comes from their cells (a label followed by values) and from the part they sit in, never from one
/// report's wording.
/// </summary>
internal static partial class PdfLayout
{
    // A table cell fragment is short; a longer line in a table part is a sentence about the table.
    private const int MaxCellLength = 45;

    // A wrapped label is joined over at most this many lines: WPS wraps the longest labels twice, LibreOffice wraps
    // table 三's narrow sub-label cells over up to seven lines, after the group label's own three.
    private const int MaxLabelLines = 16;

    // Lines that are not visibly one cell (WPS's wrapped labels, a label beside its group cell) are joined over at most this many.
    private const int MaxJoinedLines = 3;

    // A label cell wrapped over a page break goes on over at most this many lines on the next page.
    private const int MaxLabelTail = 12;

    // The wrapped end of a part heading: a few characters ("况", "改进情况").
    private const int MaxHeadingTail = 12;

    // Before the first part, a line set this much larger than the body text is (part of) the title.
    private const double TitleSizeRatio = 1.2;

    public static (List<LayoutItem> Items, string Text) Build(IReadOnlyList<PdfLine> allLines)
    {
        var lines = WithoutPageFurniture(allLines);
        var builder = new Builder(Metrics.Of(lines));
        foreach (var line in lines)
        {
            builder.Add(line);
        }

        return builder.Finish();
    }

    /// <summary>Drops page numbers ("- 3 -", "— 4 —", "第 2 页 共 5 页", "3/5", a lone number apart at the top or bottom) and running heads.</summary>
    private static List<PdfLine> WithoutPageFurniture(IReadOnlyList<PdfLine> lines)
    {
        var pages = lines.GroupBy(l => l.Page).ToList();
        var edges = new List<PdfLine>();
        foreach (var page in pages)
        {
            var top = page.MaxBy(l => l.Baseline);
            var bottom = page.MinBy(l => l.Baseline);
            edges.Add(top!);
            if (!ReferenceEquals(top, bottom))
            {
                edges.Add(bottom!);
            }
        }

        // A running head or foot: the same short text at a page edge on most pages of a longer document.
        var running = pages.Count < 3
            ? []
            : edges.GroupBy(l => LabelText.Fold(l.Text)).Where(g => g.Key.Length is > 0 and <= MaxCellLength && g.Select(l => l.Page).Distinct().Count() * 2 > pages.Count)
                .SelectMany(g => g).ToHashSet();

        var kept = new List<PdfLine>(lines.Count);
        foreach (var line in lines)
        {
            if (running.Contains(line) || IsPageNumber(line, lines))
            {
                continue;
            }

            kept.Add(line);
        }

        return kept;
    }

    private static bool IsPageNumber(PdfLine line, IReadOnlyList<PdfLine> lines)
    {
        var text = LabelText.FoldWidth(line.Text).Trim();
        if (DecoratedPageNumber().IsMatch(text))
        {
            return true;
        }

        if (!BarePageNumber().IsMatch(text))
        {
            return false;
        }

        // A bare number is a page number only standing apart above or below everything else on its page.
        var others = lines.Where(l => l.Page == line.Page && !ReferenceEquals(l, line)).ToList();
        if (others.Count == 0)
        {
            return false;
        }

        var apart = 1.5 * line.Size;
        return others.All(o => o.Baseline > line.Baseline + apart) || others.All(o => o.Baseline < line.Baseline - apart);
    }

    private static bool IsValue(string cell)
    {
        var trimmed = CellParser.Trim(cell);
        return trimmed.Length > 0 && (TableExtractor.Placeholders.Contains(trimmed) || ValueCell().IsMatch(LabelText.FoldWidth(trimmed)));
    }

    private static bool IsLabel(string cell) => TableLabels.Instance.IsLabel(LabelText.Fold(cell));

    /// <summary>
    /// A line's cells: its gap-separated runs, with values that a narrow column left inside one run ("0 0 0", "规章 0")
    /// split off as cells of their own.
    /// </summary>
    private static List<string> Cells(PdfLine line)
    {
        var cells = new List<string>(line.Segments.Count + 4);
        foreach (var segment in line.Segments)
        {
            var tokens = segment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var values = 0;
            for (var j = tokens.Length - 1; j >= 0 && IsValue(tokens[j]); j--)
            {
                values++;
            }

            if (tokens.Length < 2 || values == 0)
            {
                cells.Add(segment);
                continue;
            }

            if (values < tokens.Length)
            {
                cells.Add(string.Join(' ', tokens, 0, tokens.Length - values));
            }

            cells.AddRange(tokens.Skip(tokens.Length - values));
        }

        return cells;
    }

    private static int TrailingValues(List<string> cells)
    {
        var count = 0;
        for (var j = cells.Count - 1; j >= 0 && IsValue(cells[j]); j--)
        {
            count++;
        }

        return count;
    }

    private static bool IsSentence(string text)
    {
        var trimmed = CellParser.Trim(text);
        return trimmed.Length > MaxCellLength || trimmed.EndsWith('。') || trimmed.EndsWith('；');
    }

    /// <summary>The page's body: the usual font size, where paragraph lines start, and where a full line ends.</summary>
    private sealed record Metrics(double BodySize, double BodyLeft, double RightEdge)
    {
        public static Metrics Of(List<PdfLine> lines)
        {
            if (lines.Count == 0)
            {
                return new Metrics(10, 0, 0);
            }

            var bodySize = lines.GroupBy(l => Math.Round(l.Size)).MaxBy(g => g.Sum(l => l.Text.Length))!.Key;
            var body = lines.Where(l => Math.Abs(l.Size - bodySize) <= bodySize * 0.15 && l.Segments.Count == 1).ToList();
            if (body.Count == 0)
            {
                body = lines;
            }

            var left = body.GroupBy(l => Math.Round(l.Left / 2)).MaxBy(g => g.Count())!.Min(l => l.Left);
            var rights = body.Select(l => l.Right).Order().ToList();
            var right = rights[(int)Math.Floor((rights.Count - 1) * 0.9)];
            return new Metrics(bodySize, left, right);
        }
    }

    private sealed class Builder(Metrics metrics)
    {
        private readonly List<LayoutItem> items = [];
        private readonly List<PdfLine> pending = [];
        private readonly StringBuilder paragraph = new();
        private PdfLine? paragraphLast;
        private string? part;
        private bool beforeFirstHeading = true;
        private PdfLine? headingLine;
        private readonly StringBuilder title = new();

        private bool InTablePart => part is "proactive" or "requests" or "review_litigation";

        public void Add(PdfLine line)
        {
            var cells = Cells(line);
            var values = TrailingValues(cells);
            if (deferred is not null && ContinuesDeferred(line, values))
            {
                return;
            }

            if (values == 0 && SectionHeadings.Instance.Match(line.Text) is { } heading)
            {
                FlushAll();
                beforeFirstHeading = false;
                part = heading.Section.Key;
                Emit(new HeadingItem(0, heading.Section, heading.Heading));
                headingLine = line;
                return;
            }

            if (headingLine is not null && values == 0 && items[^1] is HeadingItem last && Continues(headingLine, line)
                && CellParser.Trim(line.Text).Length <= MaxHeadingTail)
            {
                // A long heading the margin wrapped ("…提起行政诉讼情" / "况") is one heading.
                var whole = last.Heading + CellParser.Trim(line.Text);
                if (SectionHeadings.Instance.Match(headingLine.Text + CellParser.Trim(line.Text)) is { } rejoined && rejoined.Section.Key == last.Section.Key)
                {
                    whole = rejoined.Heading;
                }

                items[^1] = last with { Heading = whole };
                headingLine = null;
                return;
            }

            headingLine = null;

            if (beforeFirstHeading && values == 0 && line.Size >= metrics.BodySize * TitleSizeRatio && !items.Any(i => i is TableRowItem))
            {
                // A title set in a large font over two lines ("淮安市洪泽区人民政府" / "2024 年政府信息公开工作年度报告") is one title.
                CloseParagraph();
                title.Append(line.Text.Trim());
                return;
            }

            CloseTitle();
            var leading = cells.Count - values;
            if (InTablePart)
            {
                if (values > 0 && cells.Take(leading).Sum(c => c.Length) <= MaxCellLength * 2)
                {
                    CloseParagraph();
                    Row(line, cells, leading);
                    return;
                }

                if (values == 0 && !IsSentence(line.Text))
                {
                    CloseParagraph();
                    pending.Add(line);
                    if (pending.Count > MaxLabelLines)
                    {
                        FlushOne();
                    }

                    return;
                }
            }
            else if (values > 0 && ((leading > 0 && IsLabel(cells[0])) || (leading == 0 && values >= 3)))
            {
                CloseParagraph();
                Row(line, cells, leading);
                return;
            }

            FlushPending();
            Narrative(line);
        }

        public (List<LayoutItem> Items, string Text) Finish()
        {
            FlushAll();
            var text = new StringBuilder();
            foreach (var item in items)
            {
                text.Append(item switch
                {
                    HeadingItem h => h.Section.Number + "、" + h.Heading,
                    NarrativeItem n => n.Text,
                    TableRowItem r => string.Join(' ', r.Cells),
                    _ => "",
                }).Append('\n');
            }

            return (items, text.ToString());
        }

        /// <summary>A row with values: its label may have started on the lines before (a label wrapped inside its cell).</summary>
        private void Row(PdfLine line, List<string> cells, int leading)
        {
            if (leading == 0 || !IsLabel(cells[0]))
            {
                var chain = ChainStart();
                for (var k = 1; k <= pending.Count; k++)
                {
                    var start = pending.Count - k;
                    if (k > MaxJoinedLines && (chain < 0 || start < chain - 1))
                    {
                        // Past a few lines, only one cell's wrapped lines (and the cell beside its first) make a label.
                        break;
                    }

                    var head = pending[start].Segments[^1] + string.Concat(pending.Skip(start + 1).Select(l => l.Text));
                    var joined = leading == 0 ? head : head + cells[0];
                    if (!IsLabel(joined))
                    {
                        continue;
                    }

                    var before = pending[start].Segments.Take(pending[start].Segments.Count - 1).ToList();
                    pending.RemoveRange(start, k);
                    FlushPending();
                    var row = new List<string>(before) { joined };
                    row.AddRange(leading == 0 ? cells : cells.Skip(1));
                    EmitRow(row);
                    return;
                }

                // LibreOffice draws a label cell whole before its values; a cell that a page break cut goes on at the
                // top of the next page, after the values. Wait for the rest of the cell's column before giving up.
                if (leading == 0 && chain >= 0)
                {
                    deferred = new Deferred("", cells, chain, pending.Count, pending[^1]);
                    return;
                }

                if (leading == 1 && !IsSentence(cells[0]))
                {
                    // The label's first line is the values' line and the rest of the cell went to the next page.
                    var size = Math.Max(line.Size, 1);
                    var head = line with { Segments = [cells[0]], Right = line.Left + (CellParser.Trim(cells[0]).Length * size) };
                    FlushPending();
                    deferred = new Deferred(CellParser.Trim(cells[0]), [.. cells.Skip(1)], pending.Count, pending.Count, head);
                    return;
                }
            }

            FlushPending();
            EmitRow(cells);
        }

        private Deferred? deferred;

        /// <summary>A row of values whose label, wrapped in its cell, has not all been seen yet.</summary>
        private sealed record Deferred(string Head, List<string> Cells, int ChainStart, int PendingAtRow, PdfLine Last);

        /// <summary>
        /// Where the trailing run of pending lines that are one cell's wrapped lines starts: single runs, each under
        /// the one before in the same column (their extents overlap). -1 when the last pending line is not a fragment.
        /// </summary>
        private int ChainStart()
        {
            if (pending.Count == 0 || pending[^1].Segments.Count != 1)
            {
                return -1;
            }

            var start = pending.Count - 1;
            while (start > 0 && SameCell(pending[start - 1], pending[start]))
            {
                start--;
            }

            return start;
        }

        /// <summary>The next wrapped line of one cell: one run, lower on the page (or on a later page), in the same column.</summary>
        private static bool SameCell(PdfLine above, PdfLine below)
        {
            if (above.Segments.Count != 1 || below.Segments.Count != 1)
            {
                return false;
            }

            var size = Math.Max(above.Size, 1);
            var lower = below.Page > above.Page || (below.Page == above.Page && above.Baseline - below.Baseline is var drop && drop > 0.5 * size && drop < 2 * size);
            return lower && below.Left < above.Right && above.Left < below.Right;
        }

        private bool ContinuesDeferred(PdfLine line, int values)
        {
            var waiting = deferred!;
            var last = pending.Count > waiting.PendingAtRow ? pending[^1] : waiting.Last;
            if (values == 0 && !IsSentence(line.Text) && pending.Count - waiting.PendingAtRow < MaxLabelTail && SameCell(last, line))
            {
                pending.Add(line);
                var joined = waiting.Head + string.Concat(pending.Skip(waiting.ChainStart).Select(l => CellParser.Trim(l.Text)));
                if (IsLabel(joined))
                {
                    pending.RemoveRange(waiting.ChainStart, pending.Count - waiting.ChainStart);
                    deferred = null;
                    FlushPending();
                    EmitRow([joined, .. waiting.Cells]);
                }

                return true;
            }

            GiveUpDeferred();
            return false;
        }

        /// <summary>The label was not completed: the values are a row of their own, as before, and what followed them waits for the next row.</summary>
        private void GiveUpDeferred()
        {
            if (deferred is not { } waiting)
            {
                return;
            }

            deferred = null;
            var after = pending.Skip(waiting.PendingAtRow).ToList();
            pending.RemoveRange(waiting.PendingAtRow, after.Count);
            FlushPending();
            EmitRow(waiting.Head.Length > 0 ? [waiting.Head, .. waiting.Cells] : waiting.Cells);
            pending.AddRange(after);
        }

        private void FlushAll()
        {
            GiveUpDeferred();
            FlushPending();
            CloseParagraph();
            CloseTitle();
        }

        private void FlushPending()
        {
            while (pending.Count > 0)
            {
                FlushOne();
            }
        }

        /// <summary>
        /// A line of a table part that no value followed: a header cell, a group label, or a row whose cells are all
        /// blank. A blank cell has no glyph in a text layer, so a line ending in a row label is a row of blanks (blank
        /// is not 0: rule C1 names each cell), not a missing row.
        /// </summary>
        private void FlushOne()
        {
            var line = pending[0];
            pending.RemoveAt(0);
            var cells = Cells(line);

            // A group label LibreOffice wrapped in its narrow cell ("（三）" / "不予公" / "开") is one cell again, up to
            // where it makes a whole label (the next line of the column is then another cell: "（六）其他处理" / "（七）总计").
            while (pending.Count > 0 && cells.Count == 1 && !IsLabel(cells[0]) && SameCell(line, pending[0]) && TrailingValues(Cells(pending[0])) == 0)
            {
                line = pending[0];
                pending.RemoveAt(0);
                cells[0] = CellParser.Trim(cells[0]) + CellParser.Trim(line.Text);
            }

            // The label may share its line with the group cell beside it ("三、本年度办理结果", "（一）予以公开").
            if (IsBlankRowLabel(cells[^1]))
            {
                cells.AddRange(Enumerable.Repeat("", RequestColumns));
            }

            EmitRow(cells);
        }

        private const int RequestColumns = 7;

        private bool IsBlankRowLabel(string cell)
        {
            var labels = TableLabels.Instance;
            var folded = LabelText.Fold(cell);
            var core = LabelText.Core(folded);
            if (part == "review_litigation" || labels.RequestGroups.Contains(core) || labels.HeaderWords.Contains(core)
                || folded.StartsWith("第二十条", StringComparison.Ordinal) || folded.Contains("勾稽", StringComparison.Ordinal))
            {
                return false;
            }

            return labels.ProactiveRows.ContainsKey(core) || labels.RequestRows.ContainsKey(core)
                || (labels.RequestSubCores.ContainsKey(core) && core.Length > 2);
        }

        private void EmitRow(List<string> cells) => Emit(new TableRowItem(0, cells));

        private void Narrative(PdfLine line)
        {
            var content = CellParser.Trim(line.Text);
            if (content.Length == 0)
            {
                return;
            }

            if (paragraphLast is not null && Continues(paragraphLast, line) && !StartsNumbered(paragraph, content))
            {
                if (NeedsSpace(paragraph[^1], content[0]))
                {
                    paragraph.Append(' ');
                }

                paragraph.Append(content);
                paragraphLast = line;
                return;
            }

            CloseParagraph();
            paragraph.Append(content);
            paragraphLast = line;
        }

        /// <summary>
        /// A paragraph goes on where the line before ran to the right margin (justified text fills it) and this line
        /// starts at the left margin (a new paragraph is indented, a signature is not at the margin), even over a page break.
        /// </summary>
        private bool Continues(PdfLine previous, PdfLine line)
        {
            var size = Math.Max(previous.Size, 1);
            return previous.Segments.Count == 1 && line.Segments.Count == 1
                && Math.Abs(previous.Size - line.Size) <= size * 0.2
                && previous.Right >= metrics.RightEdge - 1.5 * size
                && line.Left <= metrics.BodyLeft + 0.5 * size
                && line.Page >= previous.Page;
        }

        /// <summary>
        /// A sentence that ended on a full line, followed by a numbered line ("（三）政府信息管理"), is a new paragraph
        /// or subheading: LibreOffice sets subheadings at the margin, not indented.
        /// </summary>
        private static bool StartsNumbered(StringBuilder paragraph, string content) =>
            paragraph.Length > 0 && paragraph[^1] is '。' or '；' or '：' && NumberedStart().IsMatch(content);

        private static bool NeedsSpace(char before, char after) =>
            char.IsAsciiLetterOrDigit(before) && char.IsAsciiLetterOrDigit(after);

        private void CloseParagraph()
        {
            if (paragraph.Length > 0)
            {
                var content = paragraph.ToString();
                Emit(new NarrativeItem(0, content));
                paragraph.Clear();
            }

            paragraphLast = null;
        }

        private void CloseTitle()
        {
            if (title.Length > 0)
            {
                var content = title.ToString();
                Emit(new NarrativeItem(0, content));
                title.Clear();
            }
        }

        /// <summary>Each item is one line of the flattened text, and its line number is that line's.</summary>
        private void Emit(LayoutItem item)
        {
            var number = items.Count + 1;
            items.Add(item switch
            {
                HeadingItem h => h with { Line = number },
                NarrativeItem n => n with { Line = number },
                TableRowItem r => r with { Line = number },
                _ => item,
            });
        }
    }

    [GeneratedRegex(@"^(?:[-—–－~_·•\s]+\d{1,4}[-—–－~_·•\s]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")]
    private static partial Regex DecoratedPageNumber();

    [GeneratedRegex(@"^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d))")]
    private static partial Regex NumberedStart();

    [GeneratedRegex(@"^\d{1,4}$")]
    private static partial Regex BarePageNumber();

    [GeneratedRegex(@"^(?:[+-]?\d+(?:\.\d+)?(?:万元|元|万|件|个|项|条|次)?|[增减]\s*\d+(?:\.\d+)?)$")]
    private static partial Regex ValueCell();
}
