using PublishPipeline.Reports;

namespace PublishPipeline.Reading.Flattened;

/// <summary>
/// Crawled text whose whitespace was collapsed: the whole report on one (or a few) very long lines, part headings
/// inline, table cells run together ("规章000行政规范性文件8855698"). It is cut back into layout items: the part
/// headings (<see cref="InlineHeadings"/>), each part's narrative, and its table rows, read by
/// <see cref="FlattenedTable"/>. Rows that cannot be read exactly come back as <see cref="UnreadRow"/>s.
/// </summary>
internal static class FlattenedLayout
{
    // A paragraph of a normal report is rarely longer than this; a whole report on one line always is.
    private const int MinFlattenedLine = 1000;
    private const int MaxTitle = 60;

    public sealed record Result(List<LayoutItem> Items, List<UnreadRow> Unread);

    /// <summary>The layout of a flattened text, or null when the text keeps its line structure.</summary>
    public static Result? TrySplit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasLongLine(text))
        {
            return null;
        }

        var lines = TextLines.Split(text);
        var first = Array.FindIndex(lines, l => l.Length >= MinFlattenedLine && InlineHeadings.Find(l).Count(h => h.Start > 0) >= 2);
        if (first < 0)
        {
            return null;
        }

        // The short lines above (a title, a 发布时间 line) keep their own layout; the rest is one stream.
        var items = first > 0 ? PlainTextLayout.Split(string.Join("\n", lines[..first])) : [];
        var body = string.Join(" ", lines[first..]);
        var unread = new List<UnreadRow>();
        var headings = InlineHeadings.Find(body);
        var line = first + 1;
        AddPreamble(items, body[..(headings.Count > 0 ? headings[0].Start : body.Length)], line);
        var template = FlattenedTable.DetectTemplate(body);
        for (var h = 0; h < headings.Count; h++)
        {
            var heading = headings[h];
            var end = h + 1 < headings.Count ? headings[h + 1].Start : body.Length;
            items.Add(new HeadingItem(line, heading.Section, heading.Heading));
            var part = body[heading.End..end];
            var tableStart = heading.Section.Key is "proactive" or "requests" or "review_litigation"
                ? FlattenedTable.TableStart(part, heading.Section.Key)
                : -1;
            AddNarrative(items, tableStart < 0 ? part : part[..tableStart], line);
            if (tableStart >= 0)
            {
                FlattenedTable.Read(part[tableStart..], heading.Section.Key, template, line, items, unread);
            }
        }

        return new Result(items, unread);
    }

    /// <summary>The text before 一、: a leading title repeated from the page's own title is dropped, the rest is the 导语.</summary>
    private static void AddPreamble(List<LayoutItem> items, string text, int line)
    {
        var trimmed = CellParser.Trim(text);
        var space = trimmed.IndexOfAny([' ', '\u3000']);
        if (space is > 0 and <= MaxTitle && LabelText.Fold(trimmed[..space]).EndsWith("报告", StringComparison.Ordinal)
            && LabelText.Fold(trimmed[..space]).Contains("年度报告", StringComparison.Ordinal))
        {
            var title = trimmed[..space];
            if (!items.OfType<NarrativeItem>().Any(n => SameTitle(n.Text, title)))
            {
                items.Add(new NarrativeItem(line, title));
            }

            trimmed = CellParser.Trim(trimmed[space..]);
        }

        AddNarrative(items, trimmed, line);
    }

    private static bool SameTitle(string a, string b) =>
        LabelText.Fold(a).Replace("年度", "年", StringComparison.Ordinal) == LabelText.Fold(b).Replace("年度", "年", StringComparison.Ordinal);

    /// <summary>
    /// A part's text, one line per numbered paragraph: where a sentence ends and "一、" … "十、" follows, the page had a
    /// line break (old-format parts such as 一、概述 and 六、…统计表 are found this way by line-based checks too).
    /// </summary>
    private static void AddNarrative(List<LayoutItem> items, string text, int line)
    {
        var trimmed = CellParser.Trim(text);
        var start = 0;
        for (var i = 1; i + 1 < trimmed.Length; i++)
        {
            if (LabelText.IsChineseNumeral(trimmed[i]) && trimmed[i + 1] == '、' && trimmed[i - 1] is '。' or ' ' or '；')
            {
                Add(trimmed[start..i]);
                start = i;
            }
        }

        Add(trimmed[start..]);

        void Add(string paragraph)
        {
            var text = CellParser.Trim(paragraph);
            if (text.Length > 0)
            {
                items.Add(new NarrativeItem(line, text));
            }
        }
    }

    /// <summary>Whether any line is long enough to hold a flattened report: checked without splitting the text.</summary>
    private static bool HasLongLine(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.AsSpan(start).IndexOfAny('\n', '\r');
            var length = end < 0 ? text.Length - start : end;
            if (length >= MinFlattenedLine)
            {
                return true;
            }

            if (end < 0)
            {
                return false;
            }

            start += end + 1;
        }

        return false;
    }
}
