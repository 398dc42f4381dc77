using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Narrative;

/// <summary>F7: "未收到…申请" means table 三 一 总计 = 0 and no result row is non-zero.</summary>
public sealed class NoRequestsRule : IValidationRule
{
    public string Id => "F7";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var table = new TableQuantities(context);
        if (table.Request("new") is not { } received)
        {
            yield break;
        }

        var handled = table.Request("total") ?? 0;
        foreach (var statement in context.Statements.Where(s => s.Kind == StatementKind.NoRequests && s.Group == "all"))
        {
            if (received > 0 || handled > 0)
            {
                yield return NarrativeFinding.Create(
                    Id,
                    Severity.Warning,
                    statement,
                    $"正文称未收到申请，但表三「一、本年新收」总计为 {TableQuantities.Show(received)}、「（七）总计」为 {TableQuantities.Show(handled)}",
                    ValidationContext.Requests,
                    "new",
                    TableQuantities.Total,
                    0,
                    received);
            }
        }
    }
}
