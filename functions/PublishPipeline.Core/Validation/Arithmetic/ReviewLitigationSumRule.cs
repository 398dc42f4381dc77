using System.Runtime.InteropServices;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Arithmetic;

/// <summary>D4 (R-T4-SUM): for 行政复议, 未经复议直接起诉 and 复议后起诉, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.</summary>
public sealed class ReviewLitigationSumRule : IValidationRule
{
    public string Id => "D4";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var table = context.Report.Tables.ReviewLitigation;
        if (table is null)
        {
            yield break;
        }

        var columns = context.Template.ReviewLitigation.Columns;
        var total = TableEquations.SumColumn(columns.Count);
        foreach (var (group, cells) in table)
        {
            if (cells.Count != columns.Count || SumCheck.Holds(cells[total], CollectionsMarshal.AsSpan(cells)[..total]))
            {
                continue;
            }

            var finding = SumCheck.Check(
                Id,
                new FindingLocation { Table = ValidationContext.ReviewLitigation, Row = group, Column = columns[total].Key },
                context.CellName(ValidationContext.ReviewLitigation, group, total),
                new SumCheck.Operand(columns[total].Label, cells[total]),
                Enumerable.Range(0, total).Select(c => new SumCheck.Operand(columns[c].Label, cells[c])).ToList(),
                "总计应等于结果维持、结果纠正、其他结果、尚未审结之和");
            if (finding is not null)
            {
                yield return finding;
            }
        }
    }
}
