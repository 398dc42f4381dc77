using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// F2: the narrative's 办结/答复/办理 figure is table 三 (七)总计; when it says 答复 it may also mean (七)总计 minus
/// (六)其他处理 (substantive answers only). A figure that fits neither reading gets one warning with both.
/// </summary>
public sealed class HandledCountRule : IValidationRule
{
    public string Id => "F2";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var table = new TableQuantities(context);
        if (table.Request("total") is not { } total)
        {
            yield break;
        }

        var other = table.ResultGroup("r6");
        foreach (var statement in context.Statements.Where(s => s.Kind == StatementKind.Handled && s.Value is not null))
        {
            var value = statement.Value!.Value;
            var substantive = other is { } o ? total - o : (decimal?)null;
            if (value == total || (statement.Answered && value == substantive))
            {
                continue;
            }

            var readings = new List<string> { $"按“办结全部申请”理解应为 (七)总计={TableQuantities.Show(total)}" };
            if (substantive is { } s)
            {
                readings.Add($"按“答复（不含其他处理）”理解应为 (七)总计−(六)其他处理={TableQuantities.Show(s)}");
            }

            yield return NarrativeFinding.Create(
                Id,
                Severity.Warning,
                statement,
                $"“{statement.Phrase}”与{table.RequestCellName("total")}不一致：{string.Join("；", readings)}，正文为 {TableQuantities.Show(value)}。请核对正文或表三",
                ValidationContext.Requests,
                "total",
                TableQuantities.Total,
                total,
                value);
        }
    }
}
