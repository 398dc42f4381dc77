using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Plausibility;

/// <summary>
/// E1 (R-T3-PLAUSIBLE): per column of table 三, neither 四、结转下年度继续办理 nor （七）总计 can exceed 一 + 二:
/// nothing can be carried out or handled that was not received or carried in. Blank and text cells are C1's and C2's.
/// </summary>
public sealed class CarryOverPlausibilityRule : IValidationRule
{
    public string Id => "E1";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requests = context.Report.Tables.Requests;
        if (requests is null || !requests.TryGetValue("new", out var received) || !requests.TryGetValue("carried_in", out var carriedIn))
        {
            yield break;
        }

        var columns = context.Template.Requests.Columns;
        foreach (var row in new[] { "carried_out", "total" })
        {
            if (!requests.TryGetValue(row, out var cells))
            {
                continue;
            }

            for (var c = 0; c < columns.Count && c < cells.Count && c < received.Count && c < carriedIn.Count; c++)
            {
                if (received[c].AsNumber is not { } a || carriedIn[c].AsNumber is not { } b || cells[c].AsNumber is not { } value || value <= a + b)
                {
                    continue;
                }

                var what = row == "total" ? "办理结果总数" : "结转下年度的数量";
                yield return new Finding
                {
                    Rule = Id,
                    Severity = Severity.Warning,
                    Location = new FindingLocation { Table = ValidationContext.Requests, Row = row, Column = columns[c].Key },
                    Expected = a + b,
                    Actual = value,
                    Message = $"{context.CellName(ValidationContext.Requests, row, c)}为 {ValidationContext.Number(value)}，大于一、本年新收({ValidationContext.Number(a)})+二、上年结转({ValidationContext.Number(b)})={ValidationContext.Number(a + b)}：{what}不能超过本年收到与上年结转之和",
                };
            }
        }
    }
}
