using PublishPipeline.Reports;

namespace PublishPipeline.Validation.CrossYear;

/// <summary>
/// G2 (R-CROSSYEAR-VALID, soft): for 规章 and 行政规范性文件, 现行有效件数(Y) = 现行有效件数(Y−1) + 本年制发件数(Y) −
/// 本年废止件数(Y). Revisions and 自然失效 break it legitimately, so a warning. Both reports must use the 2021 columns.
/// </summary>
public sealed class InForceRule : IValidationRule
{
    public string Id => "G2";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PreviousYear.Of(context) is not { } previous
            || context.Report.Tables.Proactive?.GetValueOrDefault("art20_1") is not { } now
            || previous.Tables.Proactive?.GetValueOrDefault("art20_1") is not { } before
            || context.Template.Id == "2019"
            || previous.Template == "2019")
        {
            yield break;
        }

        foreach (var row in new[] { "rules", "normative_docs" })
        {
            if (now.GetValueOrDefault(row) is not [var issued, var repealed, var inForce]
                || before.GetValueOrDefault(row) is not [_, _, var inForceBefore]
                || issued.AsNumber is not { } i || repealed.AsNumber is not { } r || inForce.AsNumber is not { } f || inForceBefore.AsNumber is not { } b)
            {
                continue;
            }

            var expected = b + i - r;
            if (expected != f)
            {
                var key = ValidationContext.ProactiveKey("art20_1", row);
                yield return new Finding
                {
                    Rule = Id,
                    Severity = Severity.Warning,
                    Location = new FindingLocation { Table = ValidationContext.Proactive, Row = key, Column = "in_force" },
                    Expected = expected,
                    Actual = f,
                    Message = $"{context.CellName(ValidationContext.Proactive, key, 2)}为 {ValidationContext.Number(f)}，按上一年度现行有效 {ValidationContext.Number(b)} + 本年制发 {ValidationContext.Number(i)} − 本年废止 {ValidationContext.Number(r)} 应为 {ValidationContext.Number(expected)}；若有修订或自然失效，请在正文中说明",
                };
            }
        }
    }
}
