using PublishPipeline.Agencies;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Identification;

/// <summary>
/// A7: the agency's level (it drives B6, C4, E2, E4 and H1) comes from the directory, never from guessing. The rule
/// says when it is missing or unknown, and when the report's own name reads like another level.
/// </summary>
public sealed class AgencyLevelRule : IValidationRule
{
    public string Id => "A7";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var level = context.Inputs.AgencyLevel;
        var suggested = LevelFromName(context.Report.Agency ?? context.Inputs.ExpectedAgencyName);
        if (string.IsNullOrWhiteSpace(level))
        {
            yield return NotChecked.For(
                Id,
                "机关层级",
                "规章（E2）、数量合理性（E4）和发布时限（H1）按层级核对的项目未检查" + (suggested is null ? "" : $"（从名称看可能是“{suggested}”，仅供参考，未采用）"));
            yield break;
        }

        if (!AgencyLevels.All.Contains(level))
        {
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Info,
                Message = $"机关层级“{level}”不是已知层级（{string.Join("、", AgencyLevels.All)}）：按层级核对的项目未检查",
            };
            yield break;
        }

        if (suggested is not null && suggested != level)
        {
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Info,
                Location = new FindingLocation { Section = "title" },
                Message = $"登记的机关层级为“{level}”，但报告中的机关名称“{context.Report.Agency ?? context.Inputs.ExpectedAgencyName}”看起来是“{suggested}”：请核对机关目录中的层级",
            };
        }
    }

    /// <summary>Only the unambiguous endings; anything else says nothing.</summary>
    internal static string? LevelFromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var n = ChineseScript.Simplify(name.Trim());
        if (n.EndsWith("街道办事处", StringComparison.Ordinal) || n.EndsWith("镇人民政府", StringComparison.Ordinal) || n.EndsWith("乡人民政府", StringComparison.Ordinal))
        {
            return AgencyLevels.Township;
        }

        if (n.EndsWith("县人民政府", StringComparison.Ordinal))
        {
            return AgencyLevels.County;
        }

        if (n.EndsWith("省人民政府", StringComparison.Ordinal) || n.EndsWith("自治区人民政府", StringComparison.Ordinal))
        {
            return AgencyLevels.ProvincialGovernment;
        }

        return n.EndsWith('局') || n.EndsWith('厅') || n.EndsWith("委员会", StringComparison.Ordinal) ? AgencyLevels.Department : null;
    }
}
