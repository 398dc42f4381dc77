using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Arithmetic;

/// <summary>
/// D2 (R-T3-RESULTSUM): in every column of table 三, （七）总计 = the sum of the result leaf rows
/// ((一), (二), (三)1–8, (四)1–3, (五)1–5 and (六) as one row in 2019 or three in 2021).
/// </summary>
public sealed class RequestsResultSumRule : IValidationRule
{
    private const string TotalRow = TableEquations.ResultTotal;

    public string Id => "D2";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requests = context.Report.Tables.Requests;
        if (requests is null || !requests.TryGetValue(TotalRow, out var totals))
        {
            yield break;
        }

        // A row printed but not read exactly (C7) is in every column's sum: no column can be checked.
        if (context.Template.Requests.ResultRows.Any(r => TableCells.IsUnread(context, ValidationContext.Requests, r.Key)))
        {
            yield break;
        }

        // The template defines result rows as the r* rows; sum those the document has, in printed order.
        var resultRows = requests.Where(r => RequestsTable.IsResultRow(r.Key) && r.Value.Count == totals.Count).ToList();
        if (resultRows.Count == 0)
        {
            yield break;
        }

        // Rows the document lost (a truncated page, a scrambled PDF conversion; B4 lists them) may hold the
        // difference: then a mismatch is "cannot confirm", a warning, never an error about cells that were never read.
        var missing = context.Template.Requests.ResultRows.Count(row => !requests.ContainsKey(row.Key));
        var columns = context.Template.Requests.Columns;
        var column = new CellValue[resultRows.Count];
        for (var c = 0; c < totals.Count && c < columns.Count; c++)
        {
            for (var r = 0; r < resultRows.Count; r++)
            {
                column[r] = resultRows[r].Value[c];
            }

            if (SumCheck.Holds(totals[c], column))
            {
                continue;
            }

            var parts = resultRows.Select(r => new SumCheck.Operand(ShortName(context, r.Key), r.Value[c])).ToList();
            var finding = SumCheck.Check(
                Id,
                new FindingLocation { Table = ValidationContext.Requests, Row = TotalRow, Column = columns[c].Key },
                context.CellName(ValidationContext.Requests, TotalRow, c),
                new SumCheck.Operand("(七)总计", totals[c]),
                parts,
                "（七）总计应等于各项办理结果之和");
            if (finding is null)
            {
                continue;
            }

            yield return missing == 0 || finding.Severity != Severity.Error
                ? finding
                : finding with
                {
                    Severity = Severity.Warning,
                    Message = finding.Message + $"；但本表缺少 {missing} 个办理结果行（见 B4），差额可能在缺少的行中，无法核对",
                };
        }
    }

    /// <summary>"(三)1" for r3_1, "(一)" for r1: short enough to list all leaf rows in one message.</summary>
    private static string ShortName(ValidationContext context, string key)
    {
        var label = context.RowLabel(ValidationContext.Requests, key);
        var group = label.Length >= 3 ? label[..3] : label;
        var space = label.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && space + 1 < label.Length ? group + label[space + 1] : group;
    }
}
