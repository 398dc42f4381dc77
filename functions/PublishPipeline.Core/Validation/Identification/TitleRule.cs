using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Identification;

/// <summary>A1: the title carries a 4-digit report year and the phrase 政府信息公开工作年度报告 (or an accepted variant).</summary>
public sealed partial class TitleRule : IValidationRule
{
    private static readonly string[] Phrases = ["政府信息公开工作年度报告", "政府信息公开年度报告", "政府信息公开工作报告"];

    public string Id => "A1";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var title = context.Report.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            yield return Error("未找到报告标题：标题应写明报告年份和“政府信息公开工作年度报告”，例如“2020年××局政府信息公开工作年度报告”");
            yield break;
        }

        if (!Year().IsMatch(title))
        {
            yield return Error($"标题“{title}”缺少4位数字的报告年份，例如“2020年××局政府信息公开工作年度报告”");
        }

        // A mirror's copy prints the title in traditional characters, in Taiwan wording too (政府資訊公開): I3 reports that once.
        var width = TextFolding.FoldWidth(title);
        var simplified = ChineseConversion.Simplify(width);
        var mainland = ChineseConversion.ToMainland(width);
        if (!Phrases.Any(p => simplified.Contains(p, StringComparison.Ordinal) || mainland.Contains(p, StringComparison.Ordinal)))
        {
            yield return Error($"标题“{title}”未写明“政府信息公开工作年度报告”");
        }
    }

    private Finding Error(string message) => new()
    {
        Rule = Id,
        Severity = Severity.Error,
        Location = new FindingLocation { Section = "title" },
        Message = message,
    };

    [GeneratedRegex(@"(?:19|20)\d{2}")]
    private static partial Regex Year();
}
