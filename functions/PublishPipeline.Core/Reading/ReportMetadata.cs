using System.Globalization;
using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

/// <summary>
/// What surrounds the six parts: the 导语 between the title and 一、总体情况, the portal's 发布日期 line above the
/// report, and the 落款 (agency, date) after the last part. Shared by every layout-producing reader, so text, HTML and
/// Word drafts get the same <see cref="Report.Preamble"/> and <see cref="Report.PublishedOn"/>.
/// </summary>
internal static partial class ReportMetadata
{
    // Portal page furniture is a short line; a 导语 sentence that happens to say 来源 is long.
    private const int MaxPortalLine = 60;

    // The longest 落款 agency line: a full name such as 杭州市富阳区人民政府办公室 plus a 盖章 note.
    private const int MaxSignatureAgency = 40;

    private static readonly string[] PortalWords =
        ["发布日期", "发布时间", "信息来源", "来源:", "点击", "浏览", "阅读次数", "阅览", "字号", "字体", "打印", "分享到", "责任编辑"];

    private static readonly string[] PreambleStarts = ["根据", "依据", "按照", "本报告", "本年度报告", "本年报"];

    private static readonly string[] PreambleWords = ["本报告", "本年报", "年度报告", "报告如下", "部分组成"];

    private static readonly string[] AgencyEndings =
        ["局", "厅", "办公室", "政府", "办事处", "委员会", "委", "中心", "院", "署", "会", "所", "站", "处", "室", "部", "馆", "队", "街道", "镇", "乡", "(盖章)", "（盖章）"];

    /// <summary>
    /// The narrative lines after the title and before the first part heading, portal furniture left out
    /// (发布日期, 点击数, 字号, 打印); null when there are none.
    /// </summary>
    public static string? Preamble(IReadOnlyList<LayoutItem> items, NarrativeItem? title)
    {
        var lines = new List<string>();
        var afterTitle = title is null;
        foreach (var item in items)
        {
            if (item is HeadingItem)
            {
                break;
            }

            if (item is not NarrativeItem narrative || narrative.Text.Length == 0)
            {
                continue;
            }

            if (ReferenceEquals(item, title))
            {
                afterTitle = true;
                continue;
            }

            if (afterTitle && !IsPortalLine(narrative.Text))
            {
                lines.Add(narrative.Text);
            }
        }

        return lines.Count == 0 ? null : string.Join("\n", lines);
    }

    /// <summary>
    /// A 导语 written under 一、总体情况 instead of before it (柞水, 西咸: the heading comes first): the part's first line,
    /// when it cites the 条例 and introduces "本报告", is taken out of the part and returned.
    /// </summary>
    public static string? TakeMisplacedPreamble(List<ReportSection> sections)
    {
        if (sections.Count == 0 || sections[0].Key != "overview" || sections[0].Text.Length == 0)
        {
            return null;
        }

        var overview = sections[0];
        var end = overview.Text.IndexOf('\n', StringComparison.Ordinal);
        var first = end < 0 ? overview.Text : overview.Text[..end];
        var folded = LabelText.Fold(first);
        if (!PreambleStarts.Any(s => folded.StartsWith(s, StringComparison.Ordinal))
            || !folded.Contains("条例", StringComparison.Ordinal)
            || !PreambleWords.Any(w => folded.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        overview.Text = end < 0 ? "" : overview.Text[(end + 1)..];
        return first;
    }

    /// <summary>The portal's "发布日期：2021-12-23" (or "发布时间：…", or a date line followed by 来源/点击) before the first part heading.</summary>
    public static string? PortalDate(IReadOnlyList<LayoutItem> items)
    {
        foreach (var item in items)
        {
            if (item is HeadingItem)
            {
                break;
            }

            if (item is not NarrativeItem narrative || narrative.Text.Length > MaxPortalLine * 2)
            {
                continue;
            }

            var folded = LabelText.Simplify(LabelText.FoldWidth(narrative.Text));
            var match = LabelledDate().Match(folded);
            if (!match.Success && LabelText.FoldTaiwan(folded, narrative.Text) is { } mainland)
            {
                // An s2twp copy prints 发布日期 as 釋出日期.
                match = LabelledDate().Match(mainland);
            }

            if (!match.Success)
            {
                match = DateBeforePortalWord().Match(folded);
            }

            if (match.Success && IsoDate(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>
    /// The 落款 at the end of the last part: a line that is only a date (2021年1月20日, 二〇二一年一月二十日, 2021-01-20),
    /// optionally preceded by the agency line, or "agency date" on one line. The lines are cut out of the part; returns the
    /// ISO date and the agency as printed (null when the 落款 names none), or (null, null) when the part ends otherwise.
    /// </summary>
    public static (string? Date, string? Agency) TakeSignature(List<ReportSection> sections)
    {
        if (sections.Count == 0)
        {
            return (null, null);
        }

        var last = sections[^1];
        var lines = last.Text.Split('\n').ToList();
        var at = lines.Count - 1;
        while (at >= 0 && (CellParser.Trim(lines[at]).Length == 0 || PageMarker().IsMatch(LabelText.FoldWidth(CellParser.Trim(lines[at])))))
        {
            at--;
        }

        if (at < 0)
        {
            return (null, null);
        }

        var line = LabelText.Simplify(LabelText.FoldWidth(CellParser.Trim(lines[at])));
        string? agency = null;
        string? date;
        var cut = at;
        var only = DateOnlyLine().Match(line);
        if (only.Success)
        {
            date = DateOf(only);
            if (at > 0 && IsAgencyLine(CellParser.Trim(lines[at - 1])))
            {
                agency = CellParser.Trim(lines[at - 1]);
                cut = at - 1;
            }
        }
        else if (AgencyAndDate().Match(line) is { Success: true } both && IsAgencyLine(both.Groups["agency"].Value))
        {
            date = DateOf(both);
            agency = CellParser.Trim(lines[at])[..both.Groups["agency"].Length].Trim();
        }
        else
        {
            return (null, null);
        }

        if (date is null)
        {
            return (null, null);
        }

        // The 落款 lines go, and with them the page markers after them; what comes before stays as written.
        lines.RemoveRange(cut, lines.Count - cut);
        last.Text = string.Join("\n", lines).TrimEnd('\n');
        return (date, agency);
    }

    private static bool IsPortalLine(string line)
    {
        if (line.Length > MaxPortalLine)
        {
            return false;
        }

        var folded = LabelText.Fold(line);
        return PortalWords.Any(w => folded.Contains(w, StringComparison.Ordinal));
    }

    private static bool IsAgencyLine(string line)
    {
        var folded = LabelText.Fold(line);
        return folded.Length is >= 2 and <= MaxSignatureAgency
            && folded.IndexOfAny(['。', ',', '，', ';', '；', ':', '：', '!', '?']) < 0
            && !folded.Any(char.IsAsciiDigit)
            && AgencyEndings.Any(e => folded.EndsWith(LabelText.Fold(e), StringComparison.Ordinal));
    }

    private static string? DateOf(Match match)
    {
        if (match.Groups["y"].Success)
        {
            return IsoDate(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value);
        }

        var year = string.Concat(match.Groups["cy"].Value.Select(c => ChineseDigit(c)?.ToString(CultureInfo.InvariantCulture) ?? "?"));
        return ChineseNumber(match.Groups["cm"].Value) is { } month && ChineseNumber(match.Groups["cd"].Value) is { } day
            ? IsoDate(year, month.ToString(CultureInfo.InvariantCulture), day.ToString(CultureInfo.InvariantCulture))
            : null;
    }

    private static string? IsoDate(string year, string month, string day)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || y is < 1900 or > 2099 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return null;
        }

        return new DateOnly(y, m, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static int? ChineseDigit(char c) => c switch
    {
        '〇' or '○' or '零' or 'О' or 'o' or 'O' or '0' => 0,
        _ => "一二三四五六七八九".IndexOf(c) is var i and >= 0 ? i + 1 : null,
    };

    /// <summary>一 … 三十一 (十, 十二, 二十, 二十三).</summary>
    private static int? ChineseNumber(string text)
    {
        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return text.Length == 1 ? ChineseDigit(text[0]) : null;
        }

        var tens = ten == 0 ? 1 : ten == 1 ? ChineseDigit(text[0]) : null;
        var units = ten == text.Length - 1 ? 0 : ten == text.Length - 2 ? ChineseDigit(text[^1]) : null;
        return tens is { } t && units is { } u ? (t * 10) + u : null;
    }

    private const string DatePattern =
        @"(?:(?<y>(?:19|20)\d{2})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日|(?<y>(?:19|20)\d{2})[-./](?<m>\d{1,2})[-./](?<d>\d{1,2})"
        + @"|(?<cy>[〇○零一二三四五六七八九Оo0O]{4})\s*年\s*(?<cm>[一二三四五六七八九十]{1,2})\s*月\s*(?<cd>[一二三四五六七八九十]{1,3})\s*日)";

    [GeneratedRegex(@"^" + DatePattern + @"$")]
    private static partial Regex DateOnlyLine();

    [GeneratedRegex(@"^(?<agency>[^\d。，,；;：:]{2,40}?)\s+" + DatePattern + @"$")]
    private static partial Regex AgencyAndDate();

    [GeneratedRegex(@"发布(?:日期|时间)\s*[:：]?\s*(?<y>(?:19|20)\d{2})\s*[-./年]\s*(?<m>\d{1,2})\s*[-./月]\s*(?<d>\d{1,2})")]
    private static partial Regex LabelledDate();

    [GeneratedRegex(@"^\s*(?<y>(?:19|20)\d{2})\s*[-./年]\s*(?<m>\d{1,2})\s*[-./月]\s*(?<d>\d{1,2})\s*日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:信息来源|来源|点击|浏览|阅读|作者)")]
    private static partial Regex DateBeforePortalWord();

    /// <summary>"— 7 —", "- 7 -", "第 7 页", "7": a page number left by a PDF conversion.</summary>
    [GeneratedRegex(@"^(?:[—\-－–]*\s*\d{1,3}\s*[—\-－–]*|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?)$")]
    private static partial Regex PageMarker();
}
