using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Cells;

/// <summary>
/// C6: dates and document numbers keep their 年/月/日 and 〔〕 characters. A conversion that drops them leaves
/// "自202111日起至20211231日止", "〔202137号" and "2021,四马路…", which nobody can read back.
/// </summary>
public sealed partial class CorruptDateRule : IValidationRule
{
    public string Id => "C6";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var text in context.Texts)
        {
            foreach (Match match in Corrupt().Matches(text.Folded))
            {
                var what = match.Groups["date"].Success ? "日期缺少“年”“月”字"
                    : match.Groups["number"].Success ? "文号缺少“〔〕”中的后括号"
                    : "年份后缺少“年”字";
                yield return new Finding
                {
                    Rule = Id,
                    Severity = Severity.Warning,
                    Location = new FindingLocation { Section = text.Section },
                    Message = $"{context.SectionName(text.Section)}中的“{text.Original.Substring(match.Index, match.Length)}”{what}（“{ValidationContext.Sentence(text.Original, match.Index)}”）：请按原文补全，如“2021年1月1日”“〔2021〕37号”",
                };
            }
        }
    }

    [GeneratedRegex(@"(?<![\d年])(?<date>(?:19|20)\d{2}\d{1,4}日)|(?<number>[〔\[]\s*(?:19|20)\d{2}\d{1,4}(?:号|(?![\d〕\]])))|(?<bare>(?<![\d年/.\-])(?:19|20)\d{2}(?=[,，][\u4e00-\u9fff]))")]
    private static partial Regex Corrupt();
}
