using PublishPipeline.Agencies;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Plausibility;

/// <summary>
/// E2: 规章 can be non-zero only for bodies with rule-making power (国务院部门, 省级政府, 设区的市). A 县级 or 乡镇街道
/// report with a non-zero 规章 cell is almost certainly wrong ("规章(县级无此项)"). A 部门's tier is not in its level
/// (a 省级部门 may report the province's 规章), so departments are not judged.
/// </summary>
public sealed class RegulationsLevelRule : IValidationRule
{
    public string Id => "E2";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var level = context.Inputs.AgencyLevel;
        if (level is null)
        {
            yield return NotChecked.For(Id, "机关层级", "无法核对“规章”行是否应为 0", new FindingLocation { Table = ValidationContext.Proactive, Row = "art20_1/rules" });
            yield break;
        }

        if (level is not (AgencyLevels.County or AgencyLevels.Township)
            || context.Report.Tables.Proactive?.GetValueOrDefault("art20_1")?.GetValueOrDefault("rules") is not { } cells)
        {
            yield break;
        }

        const string row = "art20_1/rules";
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c].AsNumber is { } value && value != 0)
            {
                yield return new Finding
                {
                    Rule = Id,
                    Severity = Severity.Warning,
                    Location = new FindingLocation { Table = ValidationContext.Proactive, Row = row, Column = context.ColumnKey(ValidationContext.Proactive, row, c) },
                    Expected = 0,
                    Actual = value,
                    Message = $"{context.CellName(ValidationContext.Proactive, row, c)}为 {ValidationContext.Number(value)}，但{level}没有制定规章的权限（只有国务院部门、省级政府和设区的市、自治州政府可以制定规章）：应为 0，本机关制发的文件应填在“行政规范性文件”行",
                };
            }
        }
    }
}
