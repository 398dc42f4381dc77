using PublishPipeline.Reports;

namespace PublishPipeline.Reading.Flattened;

/// <summary>
/// Finds the part headings (一…六) inside text whose line breaks were lost: "…联系。 一、总体情况 2023年，…". A numeral
/// and 、 start a heading only at a plausible place, in increasing order, when the words after it are the part's heading
/// (<see cref="SectionHeadings"/>). After a sentence end or a space, the part's keywords suffice (a misprinted
/// "行政法复议" is still part 四); right after digits or another character, where table rows such as
/// "…0000000四、结转下年度继续办理" sit, only a known heading wording counts.
/// </summary>
internal static class InlineHeadings
{
    private const int MaxHeading = 40;

    public sealed record Found(int Start, int End, SectionDefinition Section, string Heading);

    private static readonly string[] HeadingEnds = ["情况", "事项", "措施"];

    public static List<Found> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Found>();
        var last = 0;
        for (var i = 0; i + 2 < text.Length; i++)
        {
            var number = "一二三四五六".IndexOf(text[i], StringComparison.Ordinal) + 1;
            if (number <= last || text[i + 1] is not ('、' or '．'))
            {
                continue;
            }

            // Elsewhere (after digits, a unit such as 元, a bracket) only an exact heading wording is taken.
            var before = i == 0 ? ' ' : text[i - 1];
            var afterBreak = char.IsWhiteSpace(before) || "。；;！!？?：:".Contains(before, StringComparison.Ordinal);
            if (Heading(text, i, afterBreak) is { } heading)
            {
                found.Add(heading);
                last = number;
                i = heading.End - 1;
            }
        }

        return found;
    }

    private static Found? Heading(string text, int start, bool afterBreak)
    {
        // The words that can belong to a heading: up to a digit, a space, an opening bracket or a comma.
        var from = start + 2;
        var to = from;
        while (to < text.Length && to - from < MaxHeading && !char.IsAsciiDigit(text[to]) && !char.IsWhiteSpace(text[to])
            && "（(《，,。；;".IndexOf(text[to], StringComparison.Ordinal) < 0)
        {
            to++;
        }

        var numbered = text[start].ToString() + "、";
        var headings = SectionHeadings.Instance;

        // The longest known wording first: "主动公开政府信息情况" out of "主动公开政府信息情况第二十条第".
        for (var end = to; end > from; end--)
        {
            if (headings.MatchAlias(numbered + text[from..end]) is { } section)
            {
                return new Found(start, end, section, text[from..end]);
            }
        }

        if (!afterBreak)
        {
            return null;
        }

        // A wording not listed: the part's keyword, the heading ending at the first 情况/事项/措施 after it.
        var words = text[from..to];
        if (headings.Match(numbered + words) is not { } match)
        {
            return null;
        }

        var cut = HeadingEnds.Select(e => words.IndexOf(e, StringComparison.Ordinal)).Where(p => p >= 0).Select(p => p + 2).DefaultIfEmpty(words.Length).Min();
        return new Found(start, from + cut, match.Section, words[..cut]);
    }
}
