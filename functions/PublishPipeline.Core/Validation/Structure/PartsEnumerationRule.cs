using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Structure;

/// <summary>
/// B9: the 导语's "本报告由…等六部分组成" agrees with itself: it lists as many parts as it says, and names the six
/// parts the report has. Real reports say 六 and list five.
/// </summary>
public sealed partial class PartsEnumerationRule : IValidationRule
{
    private static readonly (string Key, string Label, string[] Words)[] Parts =
    [
        ("overview", "总体情况", ["总体情况", "概述"]),
        ("proactive", "主动公开政府信息情况", ["主动公开"]),
        ("requests", "收到和处理政府信息公开申请情况", ["收到和处理", "申请情况", "依申请"]),
        ("review_litigation", "政府信息公开行政复议、行政诉讼情况", ["复议", "诉讼"]),
        ("problems", "存在的主要问题及改进情况", ["问题"]),
        ("other", "其他需要报告的事项", ["其他需要", "其它需要", "其他事项", "其它事项"]),
    ];

    private static readonly Dictionary<string, int> Numerals = new()
    {
        ["一"] = 1, ["二"] = 2, ["两"] = 2, ["三"] = 3, ["四"] = 4, ["五"] = 5, ["六"] = 6, ["七"] = 7, ["八"] = 8,
    };

    public string Id => "B9";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var text in context.Texts.Where(t => t.Section is "preamble" or "overview"))
        {
            var match = Enumeration().Match(text.Folded);
            if (!match.Success)
            {
                continue;
            }

            var list = match.Groups["list"].Value;
            var stated = Numerals.TryGetValue(match.Groups["n"].Value, out var n) ? n : int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var listed = Parts.Where(p => p.Words.Any(w => list.Contains(w, StringComparison.Ordinal))).ToList();
            var missing = Parts.Except(listed).Select(p => $"“{p.Label}”").ToList();
            if (stated == listed.Count && stated == Parts.Length)
            {
                yield break;
            }

            var quote = ValidationContext.Sentence(text.Original, match.Index + match.Length - 1);
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Warning,
                Location = new FindingLocation { Section = text.Section },
                Expected = Parts.Length,
                Actual = listed.Count,
                Message = $"{context.SectionName(text.Section)}说报告由{match.Groups["n"].Value}部分组成，但列出的是 {listed.Count} 部分"
                    + (missing.Count > 0 ? $"，缺少{string.Join("、", missing)}" : "")
                    + $"（“{quote}”）：年度报告由总体情况等六部分组成，请使列举与实际的六个部分一致",
            };
            yield break;
        }
    }

    /// <summary>"由…等六部分组成", "包括…等六个部分", "主要由…六部分构成".</summary>
    [GeneratedRegex(@"(?:由|包括)(?<list>[^。]{4,200}?)等?\s*(?<n>[一二两三四五六七八]|\d)\s*个?部分")]
    private static partial Regex Enumeration();
}
