using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Hygiene;

/// <summary>I5: no masked words (主动***息): a broken word filter or a copy from a censored mirror.</summary>
public sealed partial class MaskedTextRule : IValidationRule
{
    public string Id => "I5";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var text in context.Texts)
        {
            if (!text.Folded.Contains("**", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match match in Masked().Matches(text.Folded))
            {
                yield return new Finding
                {
                    Rule = Id,
                    Severity = Severity.Warning,
                    Location = new FindingLocation { Section = text.Section },
                    Message = $"{context.SectionName(text.Section)}有被屏蔽的文字“{text.Original.Substring(match.Index, match.Length)}”（“{ValidationContext.Sentence(text.Original, match.Index)}”）：请使用本机关的原稿，补全被“*”替换的内容",
                };
            }
        }
    }

    /// <summary>Two or more * (or ＊, folded) touching a CJK character: 主动***息, ***公开.</summary>
    [GeneratedRegex(@"[\u4e00-\u9fff]?\*{2,}[\u4e00-\u9fff]|[\u4e00-\u9fff]\*{2,}")]
    private static partial Regex Masked();
}
