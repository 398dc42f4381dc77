using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// F1: the narrative's 收到/受理 figure is table 三 一 (总计), or 一 + 二 when it says 含上年结转. Agencies also write
/// 收到 for what they handled, so a figure that fits no reading gets one warning naming every candidate.
/// </summary>
public sealed class ReceivedCountRule : IValidationRule
{
    public string Id => "F1";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var table = new TableQuantities(context);
        if (table.Request("new") is not { } received)
        {
            yield break;
        }

        var carriedIn = table.Request("carried_in");
        var handled = table.Request("total");
        foreach (var statement in context.Statements.Where(s => s.Kind == StatementKind.Received && s.Value is not null))
        {
            var value = statement.Value!.Value;
            if (value == received || (carriedIn is { } c && value == received + c))
            {
                continue;
            }

            var readings = new List<string> { $"按“本年新收”理解应为 一={TableQuantities.Show(received)}" };
            if (carriedIn is { } ci)
            {
                readings.Add($"按“含上年结转”理解应为 一+二={TableQuantities.Show(received + ci)}");
            }

            if (handled is { } h)
            {
                readings.Add($"若指已办理的申请，(七)总计={TableQuantities.Show(h)}");
            }

            var expected = statement.IncludesCarriedIn && carriedIn is { } withCarried ? received + withCarried : received;
            yield return NarrativeFinding.Create(
                Id,
                Severity.Warning,
                statement,
                $"“{statement.Phrase}”与{table.RequestCellName("new")}不一致：{string.Join("；", readings)}，正文为 {TableQuantities.Show(value)}。请核对正文或表三",
                ValidationContext.Requests,
                "new",
                TableQuantities.Total,
                expected,
                value);
        }
    }
}
