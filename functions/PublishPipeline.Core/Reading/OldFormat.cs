using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

/// <summary>
/// Recognises pre-2019 reports (CHECKS.md I6) from their structure, by independent signals: the old parts (概述,
/// 主动公开政府信息的情况, 依申请公开办理情况, 收费及减免, …行政诉讼的情况, 政府信息公开情况统计表 / 附表, 需要说明的事项) as
/// numbered part headings or in the introduction's enumeration of parts; the old statistics table (指标名称, 计量单位,
/// 受理依申请公开信息总数 …); the citation of 国务院第492号令. One signal alone is what a current report may quote; a
/// current report's own parts (总体情况, 收到和处理政府信息公开申请情况 …) outweigh the old ones.
/// </summary>
internal static partial class OldFormat
{
    /// <summary>Old part names by the part they name; each part counts once however often it is written.</summary>
    private static readonly (string Part, Regex Pattern)[] OldParts =
    [
        ("overview", OverviewPart()),
        ("proactive", new Regex("^主动公开政府信息的情况", RegexOptions.CultureInvariant)),
        ("requests", new Regex("^(政府信息)?依申请公开(政府信息)?(办理|工作)?(的)?情况|^依申请公开政府信息和不予公开政府信息", RegexOptions.CultureInvariant)),
        ("fees", new Regex("收费(及|和)减免", RegexOptions.CultureInvariant)),
        ("review", new Regex("行政诉讼的情况$|提起行政复议、行政诉讼|^因政府信息公开申请(提起)?行政复议", RegexOptions.CultureInvariant)),
        ("statistics", new Regex("^(政府信息公开(工作)?情况统计表|附表)", RegexOptions.CultureInvariant)),
        ("remarks", new Regex("^(其他)?需要说明的事项", RegexOptions.CultureInvariant)),
    ];

    /// <summary>The parts only the current format has (国办公开办函〔2019〕60号 / 〔2021〕30号).</summary>
    private static readonly (string Part, Regex Pattern)[] CurrentParts =
    [
        ("overview", new Regex("^总体情况", RegexOptions.CultureInvariant)),
        ("requests", new Regex("^收到和处理政府信息公开申请", RegexOptions.CultureInvariant)),
        ("review", new Regex("^政府信息公开行政复议、行政诉讼情况", RegexOptions.CultureInvariant)),
        ("other", new Regex("^其他需要报告的事项", RegexOptions.CultureInvariant)),
    ];

    /// <summary>Row labels of the old 政府信息公开情况统计表, none of which the current tables print.</summary>
    private static readonly string[] OldTableLabels =
    [
        "指标名称", "计量单位", "历年累计", "受理依申请公开信息总数", "当面申请数", "网上申请数", "信函、传真申请数", "对申请的答复总数",
        "同意公开答复数", "同意部分公开答复数", "不予公开答复数", "政府网站公开数", "政府公报公开数", "主动公开政府信息数", "收到申请数",
        "举报投诉数量", "依申请公开信息收取的费用", "机构建设和保障经费情况", "政府信息公开专门机构数", "召开政府信息公开工作会议或专题会议数",
    ];

    public static bool Matches(string text) => Assess(text).IsOld;

    /// <summary>The signals found, for tests and for saying why.</summary>
    public static OldFormatSignals Assess(string text)
    {
        // A mirror's traditional copy names the same parts; an s2twp copy in Taiwan wording (主動公開政府資訊的情況) is
        // assessed once more with it folded back, as the way back is not one to one.
        var simplified = ChineseConversion.Simplify(TextFolding.FoldWidth(text));
        var signals = Signals(simplified);
        return signals.IsOld || LabelText.FoldTaiwan(simplified, text) is not { } mainland ? signals : Signals(mainland);
    }

    private static OldFormatSignals Signals(string folded)
    {
        var names = PartNames(folded).ToList();
        var oldParts = Parts(names, OldParts);
        var currentParts = Parts(names, CurrentParts);
        var tableLabels = OldTableLabels.Count(label => folded.Contains(label, StringComparison.Ordinal));
        var decree = Decree().IsMatch(folded);
        return new OldFormatSignals(oldParts, currentParts, tableLabels, decree);
    }

    private static HashSet<string> Parts(List<string> names, (string Part, Regex Pattern)[] parts) =>
        parts.Where(p => names.Exists(n => p.Pattern.IsMatch(n))).Select(p => p.Part).ToHashSet();

    /// <summary>
    /// What the document names as its parts: the text after a top-level "一、" numeral (a heading, also inside a
    /// crawled page that runs everything into one line) and the items of the introduction's "本报告由…组成" list.
    /// </summary>
    private static IEnumerable<string> PartNames(string folded)
    {
        foreach (Match heading in NumberedPart().Matches(folded))
        {
            yield return heading.Groups["name"].Value;
        }

        foreach (Match list in Enumeration().Matches(folded))
        {
            foreach (var item in list.Groups["items"].Value.Split(['、', ',', '，', '；', ';']))
            {
                // "…和政府信息公开情况统计表": the last item is joined with 和/及/以及.
                foreach (var part in item.Split(["以及", "和", "及"], StringSplitOptions.None))
                {
                    yield return part.Trim();
                }

                yield return item.Trim();
            }
        }
    }

    // A part heading starts after a line break or a sentence end, never inside a 、-list such as "一、二、三".
    [GeneratedRegex(@"(?:^|[\n。：:;；\s])[一二三四五六七八九十]{1,2}、\s*(?<name>[^\n。，,；;]{2,30})", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedPart();

    // "本报告由…等六部分组成", "内容包括…等。": the list ends at the count of parts or at the sentence end.
    [GeneratedRegex(@"(?:由|包括|分为|共有|包含)(?<items>[^。]{8,240}?)(?:等|共)?(?:[一二三四五六七八九十\d]+个?部分|。)", RegexOptions.CultureInvariant)]
    private static partial Regex Enumeration();

    [GeneratedRegex("^(总体)?(概述|概况)", RegexOptions.CultureInvariant)]
    private static partial Regex OverviewPart();

    [GeneratedRegex("国务院(?:令)?第492号|第492号令|492号令", RegexOptions.CultureInvariant)]
    private static partial Regex Decree();
}
