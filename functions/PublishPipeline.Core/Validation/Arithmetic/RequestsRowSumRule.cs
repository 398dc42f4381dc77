using System.Runtime.InteropServices;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Arithmetic;

/// <summary>D3 (R-T3-ROWSUM): in every row of table 三, 总计 = the sum of the six applicant columns.</summary>
public sealed class RequestsRowSumRule : IValidationRule
{
    public string Id => "D3";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requests = context.Report.Tables.Requests;
        if (requests is null)
        {
            yield break;
        }

        var columns = context.Template.Requests.Columns;
        var total = TableEquations.SumColumn(columns.Count);
        foreach (var (row, cells) in requests)
        {
            if (cells.Count != columns.Count || SumCheck.Holds(cells[total], CollectionsMarshal.AsSpan(cells)[..total]))
            {
                continue;
            }

            var parts = Enumerable.Range(0, total).Select(c => new SumCheck.Operand(columns[c].Label, cells[c])).ToList();
            var finding = SumCheck.Check(
                Id,
                new FindingLocation { Table = ValidationContext.Requests, Row = row, Column = columns[total].Key },
                context.CellName(ValidationContext.Requests, row, total),
                new SumCheck.Operand(columns[total].Label, cells[total]),
                parts,
                "本行总计应等于六类申请人之和");
            if (finding is not null)
            {
                yield return finding;
            }
        }
    }
}
