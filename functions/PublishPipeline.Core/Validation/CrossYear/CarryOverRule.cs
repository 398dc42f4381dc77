using PublishPipeline.Reports;

namespace PublishPipeline.Validation.CrossYear;

/// <summary>
/// G1 (R-CROSSYEAR-CARRY), per column: 二、上年结转 (this year) = 四、结转下年度继续办理 (last year). An error, unless
/// this report's text explains a reorganisation (机构改革, 机构合并, 撤并…; not bare 整合 or 合并, which reports use for other things): then a warning that names the reason.
/// Also the group's gatekeeper: inputs without a previous report, or one for another year, give one info finding.
/// </summary>
public sealed class CarryOverRule : IValidationRule
{
    private static readonly string[] Reorganisation = ["机构改革", "机构调整", "机构合并", "合并组建", "合并设立", "撤并", "职能划转", "重新组建"];

    public string Id => "G1";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var previous = context.Inputs.PreviousReport;
        if (previous is null || PreviousYear.Of(context) is null)
        {
            yield return previous is null
                ? NotChecked.For(Id, "上一年度报告", "跨年度核对（G1–G4）未进行")
                : NotChecked.For(Id, $"{context.Report.Year - 1} 年度报告", $"提供的上一年度报告为 {previous.Year} 年度，跨年度核对（G1–G4）未进行");
            yield break;
        }

        if (context.Report.Tables.Requests?.GetValueOrDefault("carried_in") is not { } carriedIn
            || previous.Tables.Requests?.GetValueOrDefault("carried_out") is not { } carriedOut)
        {
            yield break;
        }

        var text = string.Concat(context.Report.Sections.Select(s => s.Text));
        var reason = Reorganisation.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal));
        var columns = context.Template.Requests.Columns;
        for (var c = 0; c < Math.Min(columns.Count, Math.Min(carriedIn.Count, carriedOut.Count)); c++)
        {
            if (carriedIn[c].AsNumber is not { } now || carriedOut[c].AsNumber is not { } before || now == before)
            {
                continue;
            }

            var cell = context.CellName(ValidationContext.Requests, "carried_in", c);
            yield return new Finding
            {
                Rule = Id,
                Severity = reason is null ? Severity.Error : Severity.Warning,
                Location = new FindingLocation { Table = ValidationContext.Requests, Row = "carried_in", Column = columns[c].Key },
                Expected = before,
                Actual = now,
                Message = $"{cell}为 {ValidationContext.Number(now)}，但上一年度（{previous.Year}）报告「四、结转下年度继续办理」同列为 {ValidationContext.Number(before)}，两者应相等"
                    + (reason is null ? "" : $"；正文提到“{reason}”，可能因机构调整而不同，故列为警告，请在正文中说明差异原因"),
            };
        }
    }
}
