using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// Finds the statements a report makes about its own numbers (收到/受理/办结/答复/结转 N 件, result categories with
/// percentages, 行政复议/诉讼 counts and claims, 主动公开 规章/规范性文件, 共N条其中…) in every section but 五, so
/// the F rules can link each to the table quantity it describes. Patterns run on folded text (see
/// <see cref="NarrativeText"/>); each number is claimed by the first, most specific pattern that reads it.
/// </summary>
public static partial class StatementExtractor
{
    private const string Num = @"(?<n>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]{1,6})";
    private const string Unit = @"(?<u>件|起|条|项|份)(?!次|事)";
    private const string Gap = @"[^,;:。、\d%()]";
    private const int MaxClause = 80;
    private const string Percent = @"(?:\((?<p>\d+(?:\.\d+)?)%)?";

    private static readonly ConditionalWeakTable<Report, IReadOnlyList<NarrativeStatement>> Cache = [];

    /// <summary>One character of each word a claim needs (复议, 诉讼, 申请, 自然人, 处理费): a sentence without any makes none.</summary>
    private static readonly System.Buffers.SearchValues<char> ClaimAnchors = System.Buffers.SearchValues.Create("复讼申然费");

    private static readonly string[] NotApplications = ["建议", "提案", "咨询", "来电", "来信", "热线", "信访", "投诉", "举报", "诉求", "企业", "电话", "留言", "事项", "任务"];

    private static readonly (Regex Pattern, string Category)[] Categories =
    [
        (DisclosedOrPartly(), "disclosed_or_partly"),
        (Partly(), "partly"),
        (Disclosed(), "disclosed"),
        (NotDisclosed(), "not_disclosed"),
        (CannotProvide(), "cannot_provide"),
        (NotProcessed(), "not_processed"),
        (OtherHandling(), "other"),
        (Withdrawn(), "withdrawn"),
        (NotSupplemented(), "not_supplemented"),
        (FeeUnpaid(), "fee_unpaid"),
    ];

    /// <summary>The statements of a report, extracted once per report instance (rules share them).</summary>
    public static IReadOnlyList<NarrativeStatement> Of(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Cache.GetValue(report, ExtractAll);
    }

    /// <summary>The statements of a report, extracted anew (validation keeps them for its own run).</summary>
    internal static IReadOnlyList<NarrativeStatement> ExtractAll(Report report)
    {
        var statements = new List<NarrativeStatement>();
        foreach (var section in report.Sections)
        {
            if (section.Key != "problems" && !string.IsNullOrWhiteSpace(section.Text))
            {
                statements.AddRange(Extract(section.Text, section.Key ?? section.Number ?? ""));
            }
        }

        return statements;
    }

    /// <summary>The statements of one section's text.</summary>
    public static IReadOnlyList<NarrativeStatement> Extract(string sectionText, string section)
    {
        ArgumentNullException.ThrowIfNull(sectionText);
        var text = NarrativeText.Of(sectionText);
        var scan = new Scan(text, section);
        scan.Numbers(CarriedIn(), StatementKind.CarriedIn);
        scan.Numbers(CarriedOut(), StatementKind.CarriedOut);
        foreach (var (pattern, category) in Categories)
        {
            scan.Numbers(pattern, StatementKind.ResultCount, category);
        }

        // Each pattern below runs only where the text holds a word every match of it needs (or, for 收到/办结, every
        // statement kept needs: MentionsApplications looks for 申请): the same statements, without scanning for
        // 有/共/办理/处理 where nothing can come of them.
        var value = text.Text;
        var cases = value.Contains("行政复议", StringComparison.Ordinal) || value.Contains("行政诉讼", StringComparison.Ordinal);
        if (value.Contains("纠错", StringComparison.Ordinal) || value.Contains("纠正", StringComparison.Ordinal) || value.Contains("败诉", StringComparison.Ordinal))
        {
            scan.Numbers(CorrectedCount(), StatementKind.CorrectedCount);
        }

        if (cases)
        {
            scan.Numbers(CaseCount(), StatementKind.CaseCount);
            scan.Numbers(CaseCountBefore(), StatementKind.CaseCount);
        }

        if (value.Contains("申请", StringComparison.Ordinal))
        {
            scan.Numbers(Received(), StatementKind.Received);
            scan.Numbers(Handled(), StatementKind.Handled);
        }

        scan.Numbers(ProactiveCount(), StatementKind.ProactiveCount);
        scan.Numbers(ApplicantCount(), StatementKind.ApplicantCount);
        scan.Claims();
        scan.Lists();
        return scan.Finish();
    }

    [GeneratedRegex($@"上一?年度?结转{Gap}{{0,12}}?{Num}{Unit}")]
    private static partial Regex CarriedIn();

    [GeneratedRegex($@"(?:结转|转结|转入|转)(?:至|到)?下一?个?年度?{Gap}{{0,12}}?{Num}{Unit}")]
    private static partial Regex CarriedOut();

    [GeneratedRegex($@"(?:予以公开|同意公开)(?:及|和|与|或)部分公开{Gap}{{0,8}}?{Num}{Unit}{Percent}")]
    private static partial Regex DisclosedOrPartly();

    [GeneratedRegex($@"部分公开{Gap}{{0,8}}?{Num}{Unit}{Percent}")]
    private static partial Regex Partly();

    [GeneratedRegex($@"(?:予以公开|同意公开|全部公开){Gap}{{0,8}}?{Num}{Unit}{Percent}")]
    private static partial Regex Disclosed();

    [GeneratedRegex($@"不予公开{Gap}{{0,8}}?{Num}{Unit}{Percent}")]
    private static partial Regex NotDisclosed();

    [GeneratedRegex($@"无法提供{Gap}{{0,8}}?{Num}{Unit}{Percent}")]
    private static partial Regex CannotProvide();

    [GeneratedRegex($@"不予处理{Gap}{{0,8}}?{Num}{Unit}{Percent}")]
    private static partial Regex NotProcessed();

    [GeneratedRegex($@"其他处理{Gap}{{0,8}}?{Num}{Unit}{Percent}")]
    private static partial Regex OtherHandling();

    [GeneratedRegex($@"撤回{Gap}{{0,8}}?{Num}{Unit}{Percent}")]
    private static partial Regex Withdrawn();

    [GeneratedRegex($@"(?:逾期)?不予?补正{Gap}{{0,8}}?{Num}{Unit}{Percent}")]
    private static partial Regex NotSupplemented();

    [GeneratedRegex($@"逾期未?(?:按收费通知要求)?缴纳?费用?{Gap}{{0,8}}?{Num}{Unit}{Percent}")]
    private static partial Regex FeeUnpaid();

    [GeneratedRegex($@"(?<g>复议|诉讼){Gap}{{0,6}}?(?:纠错|纠正|败诉){Gap}{{0,4}}?{Num}{Unit}")]
    private static partial Regex CorrectedCount();

    [GeneratedRegex($@"(?<g>行政复议|行政诉讼)(?:案件)?{Gap}{{0,8}}?{Num}(?<u>件|起)")]
    private static partial Regex CaseCount();

    [GeneratedRegex($@"(?:有|共|发生|收到|涉及){Num}(?<u>件|起){Gap}{{0,16}}?(?<g>行政复议|行政诉讼)")]
    private static partial Regex CaseCountBefore();

    [GeneratedRegex($@"(?<v>收到|受理|新收|接到|接收)(?:和|及|并)?(?:办理|处理)?[^,;:。\d%()]{{0,32}}?{Num}{Unit}")]
    private static partial Regex Received();

    [GeneratedRegex($@"(?<v>办结|答复|办理|处理|回复){Gap}{{0,12}}?{Num}{Unit}")]
    private static partial Regex Handled();

    [GeneratedRegex($@"(?<k>行政规范性文件|规范性文件|规章)[^,;:。、\d%()等类]{{0,6}}?{Num}(?<u>件|个|份)")]
    private static partial Regex ProactiveCount();

    [GeneratedRegex($@"(?<k>自然人|公民|法人|其他组织){Gap}{{0,10}}?{Num}(?<u>件)")]
    private static partial Regex ApplicantCount();

    [GeneratedRegex($@"(?:共|总数为?|总计|合计|累计)(?<label>{Gap}{{0,16}}?){Num}(?<u>条|件|项|个)")]
    private static partial Regex ListTotal();

    // No leading label group: a pattern without a literal start is tried at every position; the label is read back in code.
    [GeneratedRegex($@"{Num}(?<u>条|件|项|个),?其中")]
    private static partial Regex ListTotalBeforeOfWhich();

    [GeneratedRegex($@"{Num}(?<u>条|件|项|个)$")]
    private static partial Regex TrailingCount();

    // A clause that is only a total, after the list it closes: "…；其他信息9条，共计60条" / "，合计N件" / "，以上共N条".
    // It starts with the separator itself (not a lookbehind), so the engine can search for it instead of trying every position.
    [GeneratedRegex($@"[,;](?<c>)(?:以上|上述|总)?(?:共计|合计|总计|累计|共)[^,;:。、\d%()]{{0,6}}?{Num}(?<u>条|件|项|个)(?=[^,;:。、\d%()]{{0,6}}(?:[,;。!?]|$))")]
    private static partial Regex ClosingTotal();

    [GeneratedRegex(@"(?:均|全部|都)(?:为|是|系|来自)自然人")]
    private static partial Regex OnlyNatural();

    [GeneratedRegex(@"(?:未发生|未出现|没有发生|没有出现|没有被|未被|未有|无一)")]
    private static partial Regex Negation();

    [GeneratedRegex(@"(?:未收到|未接到|没有收到|没有接到|未受理)")]
    private static partial Regex NotReceived();

    [GeneratedRegex(@"(?:均|全部|都)(?:获|被|予以)?维持")]
    private static partial Regex AllUpheld();

    [GeneratedRegex(@"(?:正在办理|正在审理|尚未审结|审理中|办理中)")]
    private static partial Regex PendingWords();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)(?<u>万元|元)")]
    private static partial Regex Amount();

    // Digits too many for decimal (found fuzzing: a 30-digit fee or percentage threw OverflowException) state nothing.
    private static decimal? Decimal(string digits) =>
        decimal.TryParse(digits, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private static decimal? Yuan(string digits, string unit) =>
        Decimal(digits) is not { } value ? null
        : unit != "万元" ? value
        : value < decimal.MaxValue / 10000 ? value * 10000 : null;

    /// <summary>
    /// The matches of <see cref="ListTotalBeforeOfWhich"/>, found only where they can be: every match ends at a 其中 and
    /// is a run of number characters, a unit and an optional comma before it. Running the pattern on that window alone
    /// gives the same match as running it on the whole text, without trying it at every digit and numeral of the prose.
    /// </summary>
    private static IEnumerable<Match> BeforeOfWhich(string value)
    {
        for (var ofWhich = value.IndexOf("其中", StringComparison.Ordinal); ofWhich >= 0; ofWhich = value.IndexOf("其中", ofWhich + 2, StringComparison.Ordinal))
        {
            var unit = ofWhich > 1 && value[ofWhich - 1] == ',' ? ofWhich - 2 : ofWhich - 1;
            if (unit < 1 || value[unit] is not ('条' or '件' or '项' or '个'))
            {
                continue;
            }

            var start = unit;
            while (start > 0 && IsNumberCharacter(value[start - 1]))
            {
                start--;
            }

            var match = ListTotalBeforeOfWhich().Match(value, start, ofWhich + 2 - start);
            if (match.Success)
            {
                yield return match;
            }
        }

        // Any character Num can read (\d is every Unicode decimal digit), and the decimal point.
        static bool IsNumberCharacter(char ch) => char.IsDigit(ch) || ch == '.' || "零〇一二两三四五六七八九十百千".Contains(ch, StringComparison.Ordinal);
    }

    /// <summary>One section's scan: claimed number positions, and the statements found so far.</summary>
    private sealed class Scan(NarrativeText text, string section)
    {
        private readonly HashSet<int> claimed = [];
        private readonly List<(int Start, NarrativeStatement Statement)> found = [];
        private readonly List<(int SentenceStart, int At)> inclusions = [];

        public void Numbers(Regex pattern, StatementKind kind, string? category = null)
        {
            var value = text.Text;
            foreach (Match match in pattern.Matches(value))
            {
                var number = match.Groups["n"];
                if (claimed.Contains(number.Index) || ChineseNumber.Parse(number.Value) is not { } parsed)
                {
                    continue;
                }

                // "一起" is also "together": a Chinese numeral counts only after its keyword ("行政复议一起"), never before it.
                var chineseNumeral = !char.IsAsciiDigit(number.Value[0]);
                if (chineseNumeral && ((match.Groups["g"].Success && match.Groups["g"].Index > number.Index) || (number.Value == "一" && match.Groups["u"].Value == "起" && kind != StatementKind.CaseCount)))
                {
                    continue;
                }

                var (start, end) = text.SentenceAt(match.Index);
                if (kind is StatementKind.Received or StatementKind.Handled)
                {
                    if (!MentionsApplications(start, end) || NamesNotApplications(value.AsSpan(match.Index, number.Index - match.Index)))
                    {
                        continue;
                    }
                }

                if (kind is StatementKind.ProactiveCount && !MentionsPublishing(start, match.Index))
                {
                    continue;
                }

                claimed.Add(number.Index);
                var statement = new NarrativeStatement
                {
                    Kind = kind,
                    Section = section,
                    Position = text.OriginalOffset(match.Index),
                    Sentence = text.Quote(start, end),
                    Phrase = text.Quote(match.Index, match.Index + match.Length),
                    Value = parsed,
                    Category = kind switch
                    {
                        StatementKind.ProactiveCount => match.Groups["k"].Value == "规章" ? "rules" : "normative_docs",
                        _ => category,
                    },
                    Group = kind switch
                    {
                        StatementKind.CaseCount or StatementKind.CorrectedCount => match.Groups["g"].Value.Contains("复议", StringComparison.Ordinal) ? "review" : "litigation",
                        StatementKind.ApplicantCount => match.Groups["k"].Value is "自然人" or "公民" ? "natural" : "organisations",
                        _ => null,
                    },
                    Percent = match.Groups["p"].Success ? Decimal(match.Groups["p"].Value) : null,
                    Answered = match.Groups["v"].Value is "答复" or "回复",
                    Qualifier = kind == StatementKind.ProactiveCount ? ProactiveQualifier(start, match.Index) : null,
                };
                found.Add((match.Index, statement));

                if (kind == StatementKind.CarriedIn && match.Index >= 1 && value.AsSpan(Math.Max(0, match.Index - 2), Math.Min(2, match.Index)).Contains('含'))
                {
                    inclusions.Add((start, match.Index));
                }
            }
        }

        private static bool NamesNotApplications(ReadOnlySpan<char> gap)
        {
            foreach (var word in NotApplications)
            {
                if (gap.Contains(word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Claims without a number, clause by clause: 未发生行政复议, 未被纠错, 均获维持, 正在办理中, 未收到申请, 信息处理费.</summary>
        public void Claims()
        {
            var value = text.Text;
            var sentenceStart = 0;
            while (sentenceStart < value.Length)
            {
                var (start, end) = text.SentenceAt(sentenceStart);
                var sentence = value.AsSpan(start, end - start);
                if (!sentence.ContainsAny(ClaimAnchors))
                {
                    // No claim without 复议/诉讼/申请/自然人/处理费, and so without one of their anchor characters.
                    sentenceStart = end;
                    continue;
                }

                var sentenceCases = Groups(sentence);
                if (sentenceCases is not null && PendingWords().IsMatch(sentence))
                {
                    Add(StatementKind.Pending, start, end, start, null, sentenceCases);
                }

                var clauseStart = start;
                for (var i = start; i <= end; i++)
                {
                    if (i < end && value[i] is not (',' or ';'))
                    {
                        continue;
                    }

                    Clause(clauseStart, i, start, end);
                    clauseStart = i + 1;
                }

                sentenceStart = end;
            }
        }

        /// <summary>
        /// Breakdowns: "共 N 条，其中 a 条、b 条…" (also "共N条信息，其中…", "共N条（其中…）" and "总数N条：…"), a following
        /// 其中-sentence that restates the total's label with another number, and "a 条；b 条；c 条，共计 N 条" closed by
        /// its total. Where each breakdown ends is <see cref="ListBreakdown"/>'s to say.
        /// </summary>
        public void Lists()
        {
            var value = text.Text;
            var listed = new List<(int Start, int End)>();
            if (value.Contains("其中", StringComparison.Ordinal) || value.Contains(':', StringComparison.Ordinal))
            {
                OpenedLists(listed); // every such list opens with 其中 or a colon after its total
            }

            if (value.AsSpan().IndexOfAny('共', '计') < 0)
            {
                return; // every closing total has 共 or 计 (共计, 合计, 总计, 累计)
            }

            foreach (Match match in ClosingTotal().Matches(value))
            {
                var number = match.Groups["n"];
                var at = match.Groups["c"].Index;
                if (listed.Exists(r => r.Start <= at && at < r.End) || ChineseNumber.Parse(number.Value) is not { } total)
                {
                    continue; // the closing total of a breakdown already read from its opening total
                }

                var (start, end) = text.SentenceAt(at);
                var items = ListBreakdown.Backward(value[start..Math.Max(start, at - 1)], match.Groups["u"].Value, total);
                if (items.Parts.Count >= 2)
                {
                    Add(StatementKind.ListTotal, start, end, at, total, null, label: "", parts: items.Parts, complete: items.Complete, phraseEnd: match.Index + match.Length);
                }
            }
        }

        private void OpenedLists(List<(int Start, int End)> listed)
        {
            var value = text.Text;
            var listTotals = new HashSet<int>();
            foreach (var matches in new[] { ListTotal().Matches(value), BeforeOfWhich(value) })
            {
                foreach (Match match in matches)
                {
                    var number = match.Groups["n"];
                    var unit = match.Groups["u"].Value;
                    var afterTotal = number.Index + number.Length + unit.Length;
                    if (ListOpening(afterTotal) is not var (listStart, listEnd) || ChineseNumber.Parse(number.Value) is not { } total || !listTotals.Add(number.Index))
                    {
                        continue;
                    }

                    var (start, end) = text.SentenceAt(match.Index);
                    listEnd = listEnd < 0 ? end : listEnd;
                    var list = value[listStart..listEnd].TrimEnd('。');
                    list = list.StartsWith("其中", StringComparison.Ordinal) ? list[2..] : list;
                    list = list.TrimStart(':', ',');
                    list = (list.StartsWith("包括", StringComparison.Ordinal) ? list[2..] : list).TrimStart(':');
                    var items = ListBreakdown.Forward(list, unit, total, value[start..number.Index]);
                    var label = match.Groups["label"].Success ? match.Groups["label"].Value : LabelBefore(match.Index);
                    if (items.Parts.Count >= 2)
                    {
                        Add(StatementKind.ListTotal, start, end, match.Index, total, null, label: label, parts: items.Parts, complete: items.Complete, phraseEnd: afterTotal);
                        listed.Add((listStart, listEnd));
                    }

                    RestatedTotal(end, label, total, unit);
                }
            }
        }

        /// <summary>
        /// Where the list after a total starts and, for a parenthesised list "（其中…）", ends (-1: at the sentence end).
        /// A short noun may stand between the count and 其中 ("共发布380条财政资金信息，其中"); a colon right after the
        /// count opens a list too ("总数171条：…").
        /// </summary>
        private (int Start, int End)? ListOpening(int afterTotal)
        {
            var value = text.Text;
            var at = afterTotal;
            while (at < value.Length && at - afterTotal < 8 && value[at] is not (',' or ';' or ':' or '。' or '、' or '(' or ')' or '%') && !char.IsDigit(value[at]) && !value.AsSpan(at).StartsWith("其中"))
            {
                at++;
            }

            if (at < value.Length && value[at] == ':')
            {
                return (at + 1, -1);
            }

            if (at > afterTotal && (at >= value.Length || value[at] != ','))
            {
                return null; // the count runs on into other words: not a total closing its clause
            }

            while (at < value.Length && value[at] == ',')
            {
                at++;
            }

            if (value.AsSpan(at).StartsWith("其中"))
            {
                return (at, -1);
            }

            if (at < value.Length && value[at] == '(' && value.AsSpan(at + 1).StartsWith("其中"))
            {
                var depth = 0;
                for (var i = at; i < value.Length && !NarrativeText.IsSentenceEnd(value[i]); i++)
                {
                    depth += value[i] == '(' ? 1 : value[i] == ')' ? -1 : 0;
                    if (depth == 0)
                    {
                        return (at + 1, i);
                    }
                }
            }

            return null;
        }

        public IReadOnlyList<NarrativeStatement> Finish()
        {
            found.Sort((a, b) => a.Start.CompareTo(b.Start));
            foreach (var (sentenceStart, at) in inclusions)
            {
                MarkIncludesCarriedIn(sentenceStart, at);
            }

            return found.Select(f => f.Statement).ToList();
        }

        private string LabelBefore(int at)
        {
            var from = at;
            while (from > 0 && at - from < 16 && text.Text[from - 1] is not (',' or ';' or ':' or '。' or '、' or '%' or '(' or ')') && !char.IsAsciiDigit(text.Text[from - 1]))
            {
                from--;
            }

            return text.Text[from..at];
        }

        private void RestatedTotal(int previousEnd, string label, decimal total, string unit)
        {
            var value = text.Text;
            if (label.Length < 4 || previousEnd >= value.Length || !value.AsSpan(previousEnd).StartsWith("其中"))
            {
                return;
            }

            var (start, end) = text.SentenceAt(previousEnd);
            var clauseEnd = value.IndexOfAny([',', ';', '。'], previousEnd);
            clauseEnd = clauseEnd < 0 || clauseEnd > end ? end : clauseEnd;
            var clause = value[(previousEnd + 2)..clauseEnd].TrimStart(':');
            var count = TrailingCount().Match(clause);
            if (!count.Success || count.Groups["u"].Value != unit || ChineseNumber.Parse(count.Groups["n"].Value) is not { } restated || restated == total)
            {
                return;
            }

            var restatedLabel = clause[..count.Index];
            if (restatedLabel.Length >= 4 && (label.EndsWith(restatedLabel, StringComparison.Ordinal) || restatedLabel.EndsWith(label, StringComparison.Ordinal)))
            {
                Add(StatementKind.RestatedTotal, start, end, previousEnd, restated, null, label: label, parts: [total], phraseEnd: clauseEnd);
            }
        }

        private void Clause(int clauseStart, int clauseEnd, int sentenceStart, int sentenceEnd)
        {
            var clause = text.Text.AsSpan(clauseStart, clauseEnd - clauseStart);
            if (clause.Length > MaxClause)
            {
                return; // table headings flattened into the text, not a sentence anyone wrote
            }

            var cases = Groups(clause);
            if (cases is not null && Negation().IsMatch(clause))
            {
                var corrected = clause.Contains("纠错", StringComparison.Ordinal) || clause.Contains("纠正", StringComparison.Ordinal) || clause.Contains("败诉", StringComparison.Ordinal);
                if (!corrected || !found.Any(f => f.Start >= clauseStart && f.Start < clauseEnd && f.Statement.Kind == StatementKind.CorrectedCount))
                {
                    Add(corrected ? StatementKind.CorrectedCount : StatementKind.NoCases, sentenceStart, sentenceEnd, clauseStart, 0, cases, phraseEnd: clauseEnd);
                }
            }

            if (cases is not null && AllUpheld().IsMatch(clause))
            {
                Add(StatementKind.AllUpheld, sentenceStart, sentenceEnd, clauseStart, null, cases, phraseEnd: clauseEnd);
            }

            // Cheap substring tests before each pattern (every clause of the report comes through here): same outcome, fewer regex calls.
            if (cases is null && clause.Contains("申请", StringComparison.Ordinal) && NotReceived().IsMatch(clause))
            {
                var organisations = clause.Contains("法人", StringComparison.Ordinal) || clause.Contains("组织", StringComparison.Ordinal) || clause.Contains("企业", StringComparison.Ordinal);
                var natural = clause.Contains("自然人", StringComparison.Ordinal) || clause.Contains("公民", StringComparison.Ordinal);
                var scope = organisations == natural ? "all" : organisations ? "organisations" : "natural";
                Add(StatementKind.NoRequests, sentenceStart, sentenceEnd, clauseStart, 0, scope, phraseEnd: clauseEnd);
            }

            if (clause.Contains("自然人", StringComparison.Ordinal) && OnlyNatural().IsMatch(clause))
            {
                Add(StatementKind.ApplicantCount, sentenceStart, sentenceEnd, clauseStart, null, "only_natural", phraseEnd: clauseEnd);
            }

            if (clause.Contains("处理费", StringComparison.Ordinal))
            {
                var none = clause.Contains("未", StringComparison.Ordinal) || clause.Contains("没有", StringComparison.Ordinal) || clause.Contains("不收取", StringComparison.Ordinal) || clause.Contains("无", StringComparison.Ordinal);
                var amount = Amount().Match(clause.ToString());
                decimal? yuan = none ? 0
                    : amount.Success ? Yuan(amount.Groups["n"].Value, amount.Groups["u"].Value)
                    : null;
                if (yuan is not null)
                {
                    Add(StatementKind.Fee, sentenceStart, sentenceEnd, clauseStart, yuan, null, phraseEnd: clauseEnd);
                }
            }
        }

        private static string? Groups(ReadOnlySpan<char> span)
        {
            var review = span.Contains("复议", StringComparison.Ordinal);
            var litigation = span.Contains("诉讼", StringComparison.Ordinal);
            return review && litigation ? "both" : review ? "review" : litigation ? "litigation" : null;
        }

        private void Add(StatementKind kind, int sentenceStart, int sentenceEnd, int at, decimal? value, string? group, string? label = null, IReadOnlyList<decimal>? parts = null, bool complete = false, int? phraseEnd = null)
        {
            found.Add((at, new NarrativeStatement
            {
                Kind = kind,
                Section = section,
                Position = text.OriginalOffset(at),
                Sentence = text.Quote(sentenceStart, sentenceEnd),
                Phrase = text.Quote(at, phraseEnd ?? sentenceEnd),
                Value = value,
                Group = group,
                Label = label,
                Parts = parts,
                PartsComplete = complete,
            }));
        }

        private void MarkIncludesCarriedIn(int sentenceStart, int before)
        {
            for (var i = found.Count - 1; i >= 0; i--)
            {
                var (at, statement) = found[i];
                if (at >= sentenceStart && at < before && statement.Kind is StatementKind.Received or StatementKind.Handled)
                {
                    found[i] = (at, statement with { IncludesCarriedIn = true });
                    return;
                }
            }
        }

        // Numbers about applications: the sentence, or the text just before it, talks about 申请.
        private bool MentionsApplications(int sentenceStart, int sentenceEnd)
        {
            var from = Math.Max(0, sentenceStart - 200);
            return text.Text.AsSpan(from, sentenceEnd - from).Contains("申请", StringComparison.Ordinal);
        }

        private bool MentionsPublishing(int sentenceStart, int at)
        {
            var before = text.Text.AsSpan(sentenceStart, at - sentenceStart);
            foreach (var word in (ReadOnlySpan<string>)["主动公开", "发布", "制发", "制定", "出台", "印发", "公开", "现行有效", "废止"])
            {
                if (before.Contains(word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private string ProactiveQualifier(int sentenceStart, int at)
        {
            var before = text.Text.AsSpan(Math.Max(sentenceStart, at - 8), at - Math.Max(sentenceStart, at - 8));
            return before.Contains("现行有效", StringComparison.Ordinal) ? "in_force"
                : before.Contains("废止", StringComparison.Ordinal) ? "repealed"
                : "issued";
        }
    }
}
