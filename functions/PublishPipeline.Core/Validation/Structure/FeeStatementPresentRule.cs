using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Structure;

/// <summary>B7: from 2021 part 六 states the 信息处理费 collected (an amount, or that none was collected).</summary>
public sealed class FeeStatementPresentRule : IValidationRule
{
    public string Id => "B7";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Report.Year is not >= 2021 || !context.Report.Sections.Any(s => s.Key == "other"))
        {
            yield break;
        }

        var text = context.Text("other")?.Folded ?? "";
        if (!text.Contains("处理费", StringComparison.Ordinal))
        {
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Warning,
                Location = new FindingLocation { Section = "other" },
                Message = "第六部分「其他需要报告的事项」没有说明信息处理费收取情况：请写明本年度收取的信息处理费金额，或“本年度未收取信息处理费”（《政府信息公开信息处理费管理办法》）",
            };
        }
    }
}
