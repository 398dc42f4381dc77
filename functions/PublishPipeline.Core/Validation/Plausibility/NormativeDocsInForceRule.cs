using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Plausibility;

/// <summary>
/// E3 (R-T2-2021-VALID, soft): in the 2021 第二十条第（一）项, 现行有效件数 ≥ 本年制发件数 − 本年废止件数 for 规章 and
/// 行政规范性文件: what was issued this year and not repealed is in force. Revisions and 自然失效 make it soft.
/// </summary>
public sealed class NormativeDocsInForceRule : IValidationRule
{
    public string Id => "E3";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Template.Id != "2021" || context.Report.Tables.Proactive?.GetValueOrDefault("art20_1") is not { } rows)
        {
            yield break;
        }

        foreach (var (row, cells) in rows)
        {
            if (cells.Count < 3 || cells[0].AsNumber is not { } issued || cells[1].AsNumber is not { } repealed || cells[2].AsNumber is not { } inForce)
            {
                continue;
            }

            var key = ValidationContext.ProactiveKey("art20_1", row);
            if (inForce < issued - repealed)
            {
                yield return new Finding
                {
                    Rule = Id,
                    Severity = Severity.Warning,
                    Location = new FindingLocation { Table = ValidationContext.Proactive, Row = key, Column = "in_force" },
                    Expected = issued - repealed,
                    Actual = inForce,
                    Message = $"{context.CellName(ValidationContext.Proactive, key, 2)}为 {ValidationContext.Number(inForce)}，少于本年制发({ValidationContext.Number(issued)})−本年废止({ValidationContext.Number(repealed)})={ValidationContext.Number(issued - repealed)}：本年制发且未废止的文件应计入现行有效件数，请核对（修订、自然失效的情况请在正文说明）",
                };
            }
        }
    }
}
