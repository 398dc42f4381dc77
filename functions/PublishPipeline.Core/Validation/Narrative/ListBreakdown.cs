using System.Text.RegularExpressions;

namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// The items of a narrative breakdown ("共N条，其中a条、b条；c条" or "a条；b条；c条，共计N条"), read clause by clause.
/// A breakdown ends where its subject changes, not at a fixed punctuation mark: at a clause about another topic
/// (行政复议, 行政诉讼, 上年结转, 结转下年度) than the words before the total, at a new total (共/合计/总计 N), at a nested
/// 其中, or, once the items already add up to the total exactly, at a separator coarser than the one between the items
/// ("局长信箱268条、咨询交流1379条，公开答复数量1061条": the 1061 is another measure, not a third item).
/// </summary>
internal static partial class ListBreakdown
{
    private const string Num = @"(?<n>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]{1,6})";

    /// <summary>What a list gives: its counts in order, and whether every item of it had one.</summary>
    public readonly record struct Items(IReadOnlyList<decimal> Parts, bool Complete);

    /// <summary>One clause of a list and the separator before it: 0 at the start, 1 、, 2 ，, 3 ；.</summary>
    private readonly record struct Clause(string Text, int Level);

    [Flags]
    private enum Topic
    {
        None = 0,
        Review = 1,
        Litigation = 2,
        CarriedIn = 4,
        CarriedOut = 8,
    }

    /// <summary>The items after a total: <paramref name="before"/> is the sentence up to the total, whose topics the items share.</summary>
    public static Items Forward(string list, string unit, decimal total, string before)
    {
        var known = Topics(Parenthesised().Replace(before, ""));
        var parts = new List<decimal>();
        var complete = true;
        var listLevel = 0;
        var pendingLevel = 0;
        decimal sum = 0;
        foreach (var (text, level) in Split(list))
        {
            pendingLevel = Math.Max(pendingLevel, level);
            if (text.Contains("其中", StringComparison.Ordinal))
            {
                complete = false; // a breakdown of one item inside the list: its parts are not items of this one
                break;
            }

            if ((Topics(text) & ~known) != Topic.None || NewTotal().IsMatch(text))
            {
                break;
            }

            if (CountOf(text, unit) is { } part)
            {
                if (parts.Count == 1)
                {
                    listLevel = pendingLevel;
                }
                else if (parts.Count >= 2 && pendingLevel > listLevel && sum == total)
                {
                    break;
                }

                parts.Add(part);
                sum += part;
                pendingLevel = 0;
            }
            else if (!IsAnnotation(text))
            {
                complete = false;
            }
        }

        return new Items(parts, complete);
    }

    /// <summary>
    /// The items before a closing total ("…；c条，共计N条"), walked back from it. The walk stops at the list's start
    /// (the sentence start, 其中 or a colon), at a lead-in restating the total, at a new total or another topic, and
    /// once the items add up to the total. Only a list whose start was found is complete: a clause without a count where
    /// the walk stopped may be an item whose number the text lost.
    /// </summary>
    public static Items Backward(string list, string unit, decimal total)
    {
        var clauses = Split(list);
        var parts = new List<decimal>();
        var complete = true;
        decimal sum = 0;
        Topic? topics = null;
        for (var i = clauses.Count - 1; i >= 0; i--)
        {
            var text = clauses[i].Text;
            var opener = Math.Max(text.LastIndexOf("其中", StringComparison.Ordinal) is var o and >= 0 ? o + 2 : -1, text.LastIndexOf(':') + 1);
            if (opener > 0)
            {
                text = text[opener..];
            }

            if (NewTotal().IsMatch(text) || (topics is { } t && Topics(text) != t))
            {
                break;
            }

            if (CountOf(text, unit) is { } part)
            {
                if (part == total && sum + part > total && parts.Count >= 2)
                {
                    break; // the lead-in ("主动公开信息60条，…，共计60条") restates the total
                }

                topics ??= Topics(text);
                parts.Insert(0, part);
                sum += part;
            }
            else if (!IsAnnotation(text))
            {
                complete = opener > 0;
                break;
            }

            if (opener > 0 || sum == total)
            {
                break;
            }
        }

        return new Items(parts, complete);
    }

    /// <summary>The clauses of a list (parenthesised notes removed), a name split by 、 ("政策、规范性文件类信息24条") kept whole.</summary>
    private static List<Clause> Split(string list)
    {
        var clauses = new List<Clause>();
        var start = 0;
        var level = 0;
        list = Parenthesised().Replace(list, "");
        for (var i = 0; i <= list.Length; i++)
        {
            var next = i == list.Length ? 0 : list[i] switch { '、' => 1, ',' => 2, ';' => 3, _ => -1 };
            if (next < 0)
            {
                continue;
            }

            var text = list[start..i].Trim();
            if (clauses.Count > 0 && level == 1 && TrailingCount().IsMatch(text) && IsNameFragment(clauses[^1].Text))
            {
                clauses[^1] = clauses[^1] with { Text = clauses[^1].Text + "、" + text };
            }
            else if (text.Length > 0)
            {
                clauses.Add(new Clause(text, clauses.Count == 0 ? 0 : level));
            }

            level = next;
            start = i + 1;
        }

        return clauses;
    }

    /// <summary>
    /// The first half of a name joined by 、, with no count of its own. A clause ending in a unit without a number
    /// ("核准企业资质条": the crawl lost its digits) is an item whose count is missing, not part of the next one's name.
    /// </summary>
    private static bool IsNameFragment(string clause) =>
        clause.Length > 0 && !TrailingCount().IsMatch(clause) && !IsAnnotation(clause) && clause[^1] is not ('条' or '件' or '项' or '个');

    private static decimal? CountOf(string clause, string unit)
    {
        var count = TrailingCount().Match(clause);
        return count.Success && count.Groups["u"].Value == unit ? ChineseNumber.Parse(count.Groups["n"].Value) : null;
    }

    /// <summary>A share or rate written after an item ("占51.85%", "回复率100%"): not an item, and not a missing one.</summary>
    private static bool IsAnnotation(string clause) => clause.Contains('%', StringComparison.Ordinal);

    private static Topic Topics(string text)
    {
        var topics = Topic.None;
        if (text.Contains("复议", StringComparison.Ordinal))
        {
            topics |= Topic.Review;
        }

        if (text.Contains("诉讼", StringComparison.Ordinal))
        {
            topics |= Topic.Litigation;
        }

        if (CarriedIn().IsMatch(text))
        {
            topics |= Topic.CarriedIn;
        }

        if (CarriedOut().IsMatch(text))
        {
            topics |= Topic.CarriedOut;
        }

        return topics;
    }

    [GeneratedRegex($@"{Num}(?<u>条|件|项|个)$")]
    private static partial Regex TrailingCount();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"上一?年度?结转")]
    private static partial Regex CarriedIn();

    [GeneratedRegex(@"(?:结转|转结|转入|转)(?:至|到)?下一?个?年度?|下一?年度")]
    private static partial Regex CarriedOut();

    // 共 alone is also 公共/共享/共同: it opens a total only right before a number or a verb of counting.
    [GeneratedRegex(@"(?:共计|合计|总计|累计|总数|(?<!公)共(?=\d|[零〇一二两三四五六七八九十百千]|有|主动|发布|公开|收到|受理|办理|办结|处理))[^,;:。、\d%()]{0,8}?(?:\d|[零〇一二两三四五六七八九十百千]+(?:条|件|项|个))")]
    private static partial Regex NewTotal();
}
