using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// F8 (2021 template): table 三 (六)2 counts applications dropped because a fee notice went unpaid, so fees were
/// charged that year: the report should say so in its text (信息处理费). A stated fee with that cell blank is also
/// flagged. "未收取" next to a non-zero (六)2 is consistent (the notices went unpaid) and is not flagged.
/// </summary>
public sealed class FeeStatementMatchesTableRule : IValidationRule
{
    public string Id => "F8";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requests = context.Report.Tables.Requests;
        if (requests is null || !requests.TryGetValue("r6_2", out var cells))
        {
            yield break;
        }

        var table = new TableQuantities(context);
        var unpaid = table.Request("r6_2");
        var fees = context.Statements.Where(s => s.Kind == StatementKind.Fee).ToList();
        var mentioned = fees.Count > 0 || context.Report.Sections.Any(s => s.Text.Contains("处理费", StringComparison.Ordinal));
        var cellName = table.RequestCellName("r6_2");
        if (unpaid > 0 && !mentioned)
        {
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Warning,
                Location = new FindingLocation { Table = ValidationContext.Requests, Row = "r6_2", Column = TableQuantities.Total, Section = "other" },
                Message = $"{cellName}为 {TableQuantities.Show(unpaid.Value)}，说明本年发出过收费通知，但正文未说明信息处理费收取情况；请在「六、其他需要报告的事项」中说明",
                Actual = unpaid,
            };
        }

        foreach (var fee in fees.Where(f => f.Value > 0 && cells.Count > 0 && cells[^1].IsBlank))
        {
            yield return NarrativeFinding.Create(Id, Severity.Warning, fee, $"正文说明收取了信息处理费，但{cellName}为空白；请填写（无则填 0）", ValidationContext.Requests, "r6_2", TableQuantities.Total, null, fee.Value);
        }
    }
}
