using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

/// <summary>
/// I2: no text a mirror or hijacked site injected: gambling and spam phrases, and pinyin annotations after characters
/// (政(zheng)府(fu), 據(jù)) that mark a copy taken from such a site rather than the agency's own draft.
/// </summary>
public sealed partial class InjectedTextRule : IValidationRule
{
    /// <summary>Phrases that never belong in a 年度报告. "精品" (in CHECKS.md) is left out: "精品栏目" is ordinary government prose.</summary>
    private static readonly string[] SpamPhrases =
    [
        "欧洲五大联赛", "欧洲杯", "世界杯投注", "体育投注", "博彩", "赌场", "百家乐", "真人娱乐", "娱乐城", "老虎机", "彩票开奖",
        "时时彩", "六合彩", "棋牌游戏", "线上赌", "开户送", "注册送", "成人视频", "色情", "av在线", "一夜情", "代孕",
    ];

    /// <summary>Pinyin annotations needed to call it injected: one could be a genuine pronunciation note.</summary>
    internal const int MinimumAnnotations = 2;

    public string Id => "I2";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var text in context.Texts)
        {
            var lower = text.Folded.ToLowerInvariant();
            foreach (var phrase in SpamPhrases)
            {
                var at = lower.IndexOf(phrase, StringComparison.Ordinal);
                if (at >= 0)
                {
                    yield return Error(text.Section, $"{context.SectionName(text.Section)}含有与年度报告无关的插入文字“{text.Original.Substring(at, phrase.Length)}”（“{ValidationContext.Sentence(text.Original, at)}”）：这通常是从被篡改的网站复制的内容，请使用本机关的原稿");
                }
            }

            var annotations = PinyinAnnotation().Matches(text.Folded);
            if (annotations.Count >= MinimumAnnotations)
            {
                var examples = string.Join("、", annotations.Take(3).Select(m => $"“{text.Original.Substring(m.Index, m.Length)}”"));
                yield return Error(text.Section, $"{context.SectionName(text.Section)}有 {annotations.Count} 处汉字后夹带拼音（如{examples}）：这是从转载网站复制时带入的注音，请使用本机关的原稿");
            }
        }
    }

    private Finding Error(string section, string message) => new()
    {
        Rule = Id,
        Severity = Severity.Error,
        Location = new FindingLocation { Section = section },
        Message = message,
    };

    /// <summary>A CJK character followed by a parenthesised pinyin syllable, tone marks optional: 府(fu), 據(jù).</summary>
    [GeneratedRegex(@"[\u4e00-\u9fff]\((?:[bcdfghjklmnpqrstwxyz]{0,2}h?[aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,3}(?:ng|n|r)?)\)")]
    private static partial Regex PinyinAnnotation();
}
