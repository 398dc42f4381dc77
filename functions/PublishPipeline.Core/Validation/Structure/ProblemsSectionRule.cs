using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Structure;

/// <summary>
/// B8: part 五 reports this year's problems and the improvements made, and says more than "无" (2021 format:
/// "不能遗漏，也不宜泛化"; 社科院 2016: 内容不翔实).
/// </summary>
public sealed class ProblemsSectionRule : IValidationRule
{
    /// <summary>Shorter than this, part 五 cannot name a problem and what was done about it.</summary>
    internal const int MinimumLength = 20;

    private static readonly string[] ProblemWords = ["问题", "不足", "差距", "薄弱", "欠缺", "不够", "有待"];
    private static readonly string[] ImprovementWords = ["改进", "整改", "下一步", "将", "加强", "完善", "提升", "推进"];

    public string Id => "B8";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Report.Sections.Any(s => s.Key == "problems"))
        {
            yield break;
        }

        var text = context.Text("problems")?.Folded ?? "";
        var content = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()).TrimEnd('。');
        string? problem = null;
        if (content.Length < MinimumLength || content is "无" or "暂无" or "没有")
        {
            problem = content.Length == 0 ? "是空的" : $"只有“{content}”";
        }
        else if (!ProblemWords.Any(w => content.Contains(w, StringComparison.Ordinal)))
        {
            problem = "没有写本年度存在的问题";
        }
        else if (!ImprovementWords.Any(w => content.Contains(w, StringComparison.Ordinal)))
        {
            problem = "没有写改进情况或措施";
        }

        if (problem is not null)
        {
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Warning,
                Location = new FindingLocation { Section = "problems" },
                Message = $"第五部分「存在的主要问题及改进情况」{problem}：应具体写明本年度工作中存在的主要问题，以及对上一年度问题的改进情况",
            };
        }
    }
}
