using System.Buffers;
using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Hygiene;

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

    /// <summary>
    /// One character of each phrase that ordinary report prose rarely uses (赛 of 联赛, 彩 of 博彩, a of av在线…): a text
    /// without any of them, nearly every text, holds no phrase, and that is one vectorised scan instead of 22 searches.
    /// SearchValues&lt;string&gt; would do the same job several times slower on CJK text.
    /// </summary>
    private const string AnchorCharacters = "赛杯注彩赌乐娱虎棋送频色夜孕aA";

    private static readonly SearchValues<char> Anchors = SearchValues.Create(
        SpamPhrases.All(p => p.AsSpan().ContainsAny(AnchorCharacters))
            ? AnchorCharacters
            : throw new InvalidOperationException("every spam phrase needs one of the anchor characters"));

    /// <summary>What may follow "(" in a pinyin annotation: a lower-case ASCII letter or a (toned) vowel.</summary>
    private static readonly SearchValues<char> PinyinStart = SearchValues.Create("abcdefghijklmnopqrstuvwxyzüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ");

    /// <summary>Pinyin annotations needed to call it injected: one could be a genuine pronunciation note.</summary>
    internal const int MinimumAnnotations = 2;

    public string Id => "I2";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var text in context.Texts)
        {
            // The one-pass search only gates the per-phrase loop, which keeps its order and its first-occurrence quotes.
            var lower = MayHoldSpam(text.Folded) ? text.Folded.ToLowerInvariant() : null;
            foreach (var phrase in lower is null ? Array.Empty<string>() : SpamPhrases)
            {
                var at = lower!.IndexOf(phrase, StringComparison.Ordinal);
                if (at >= 0)
                {
                    yield return Error(text.Section, $"{context.SectionName(text.Section)}含有与年度报告无关的插入文字“{text.Original.Substring(at, phrase.Length)}”（“{ValidationContext.Sentence(text.Original, at)}”）：这通常是从被篡改的网站复制的内容，请使用本机关的原稿");
                }
            }

            if (!MayHoldPinyin(text.Folded))
            {
                continue;
            }

            var annotations = PinyinAnnotation().Matches(text.Folded);
            if (annotations.Count >= MinimumAnnotations)
            {
                var examples = string.Join("、", annotations.Take(3).Select(m => $"“{text.Original.Substring(m.Index, m.Length)}”"));
                yield return Error(text.Section, $"{context.SectionName(text.Section)}有 {annotations.Count} 处汉字后夹带拼音（如{examples}）：这是从转载网站复制时带入的注音，请使用本机关的原稿");
            }
        }
    }

    /// <summary>Whether some phrase starts where one of its anchor characters says it would (ignoring ASCII case, as the lower-cased search does).</summary>
    private static bool MayHoldSpam(string text)
    {
        var span = text.AsSpan();
        for (var at = span.IndexOfAny(Anchors); at >= 0;)
        {
            var anchor = char.ToLowerInvariant(span[at]);
            foreach (var phrase in SpamPhrases)
            {
                for (var offset = phrase.IndexOf(anchor, StringComparison.Ordinal); offset >= 0; offset = phrase.IndexOf(anchor, offset + 1))
                {
                    if (at - offset >= 0 && span[(at - offset)..].StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            var next = span[(at + 1)..].IndexOfAny(Anchors);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    /// <summary>Whether some "(" has a CJK character before it and a pinyin letter after it, as every annotation does.</summary>
    private static bool MayHoldPinyin(string text)
    {
        for (var at = text.IndexOf('(', 1); at > 0 && at < text.Length - 1; at = text.IndexOf('(', at + 1))
        {
            if (text[at - 1] is >= '\u4e00' and <= '\u9fff' && PinyinStart.Contains(text[at + 1]))
            {
                return true;
            }
        }

        return false;
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
