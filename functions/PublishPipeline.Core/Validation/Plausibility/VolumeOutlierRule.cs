using PublishPipeline.Agencies;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Plausibility;

/// <summary>
/// E4: volumes implausible for the agency's level: a 乡镇街道 or a county-tier department issuing or keeping in force
/// dozens of 行政规范性文件, a 信访 office issuing them at all in numbers. Needs the level (and for departments the
/// region path) from the directory; last-year and peer comparisons come with the cross-year checks.
/// </summary>
public sealed class VolumeOutlierRule : IValidationRule
{
    /// <summary>(issued per year, in force) above which a township's or county department's count is questioned.</summary>
    internal static readonly (decimal Issued, decimal InForce) TownshipLimits = (10, 30);

    internal static readonly (decimal Issued, decimal InForce) CountyDepartmentLimits = (20, 60);

    /// <summary>A 信访 office handles petitions; more than this many 行政规范性文件 a year is unusual.</summary>
    internal const decimal PetitionOfficeIssued = 3;

    public string Id => "E4";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var level = context.Inputs.AgencyLevel;
        if (level is null)
        {
            yield return NotChecked.For(Id, "机关层级", "无法判断表二的件数对本机关是否合理", new FindingLocation { Table = ValidationContext.Proactive, Row = "art20_1/normative_docs" });
            yield break;
        }

        if (context.Report.Tables.Proactive?.GetValueOrDefault("art20_1")?.GetValueOrDefault("normative_docs") is not { Count: >= 3 } cells)
        {
            yield break;
        }

        var countyDepartment = level == AgencyLevels.Department && context.Inputs.AgencyRegion is { } region && region.Split('/', StringSplitOptions.RemoveEmptyEntries).Length >= 3;
        (decimal Issued, decimal InForce)? limits = level == AgencyLevels.Township ? TownshipLimits : countyDepartment ? CountyDepartmentLimits : null;
        var who = level == AgencyLevels.Township ? "乡镇街道" : "县级部门";
        var name = context.Inputs.ExpectedAgencyName ?? context.Report.Agency ?? "";
        if (ChineseScript.Simplify(name).Contains("信访", StringComparison.Ordinal) && cells[0].AsNumber is { } petitionIssued && petitionIssued > PetitionOfficeIssued)
        {
            limits = (PetitionOfficeIssued, limits?.InForce ?? decimal.MaxValue);
            who = "信访部门";
        }

        if (limits is not { } limit)
        {
            yield break;
        }

        const string row = "art20_1/normative_docs";
        foreach (var (column, max) in new[] { (0, limit.Issued), (2, limit.InForce) })
        {
            if (cells[column].AsNumber is { } value && value > max)
            {
                yield return new Finding
                {
                    Rule = Id,
                    Severity = Severity.Warning,
                    Location = new FindingLocation { Table = ValidationContext.Proactive, Row = row, Column = context.ColumnKey(ValidationContext.Proactive, row, column) },
                    Actual = value,
                    Message = $"{context.CellName(ValidationContext.Proactive, row, column)}为 {ValidationContext.Number(value)}，对{who}而言明显偏多（通常不超过 {ValidationContext.Number(max)} 件）：请核对是否把普通文件、工作信息计入了行政规范性文件",
                };
            }
        }
    }
}
