using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Arithmetic;

/// <summary>
/// D1 (R-T3-IDENTITY, printed in the header of table 三): in every column, 一 + 二 = (七)总计 + 四. The finding points
/// at 四、结转下年度继续办理 and says what it would have to be for the identity to hold.
/// </summary>
public sealed class RequestsIdentityRule : IValidationRule
{
    public string Id => "D1";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requests = context.Report.Tables.Requests;
        if (requests is null
            || !requests.TryGetValue(TableEquations.Received, out var received)
            || !requests.TryGetValue(TableEquations.CarriedIn, out var carriedIn)
            || !requests.TryGetValue(TableEquations.ResultTotal, out var total)
            || !requests.TryGetValue(TableEquations.CarriedOut, out var carriedOut))
        {
            yield break;
        }

        var columns = context.Template.Requests.Columns;
        var count = new[] { received.Count, carriedIn.Count, total.Count, carriedOut.Count, columns.Count }.Min();
        for (var c = 0; c < count; c++)
        {
            var finding = Check(context, c, received[c], carriedIn[c], total[c], carriedOut[c]);
            if (finding is not null)
            {
                yield return finding;
            }
        }
    }

    private Finding? Check(ValidationContext context, int column, CellValue received, CellValue carriedIn, CellValue total, CellValue carriedOut)
    {
        if (received.IsNumber && carriedIn.IsNumber && total.IsNumber && carriedOut.IsNumber
            && received.Number + carriedIn.Number == total.Number + carriedOut.Number)
        {
            return null; // the identity holds: nothing to name or explain
        }

        var location = new FindingLocation { Table = ValidationContext.Requests, Row = TableEquations.CarriedOut, Column = context.Template.Requests.Columns[column].Key };
        var cellName = context.CellName(ValidationContext.Requests, TableEquations.CarriedOut, column);
        var left = (received.AsNumber ?? 0) + (carriedIn.AsNumber ?? 0);
        var right = (total.AsNumber ?? 0) + (carriedOut.AsNumber ?? 0);
        var shouldBe = left - (total.AsNumber ?? 0);
        var sides = $"一({SumCheck.Show(received)})+二({SumCheck.Show(carriedIn)})={ValidationContext.Number(left)}，"
            + $"(七)总计({SumCheck.Show(total)})+四({SumCheck.Show(carriedOut)})={ValidationContext.Number(right)}";
        var operands = new[] { ("一", received), ("二", carriedIn), ("(七)总计", total), ("四", carriedOut) };
        var unusable = operands.Where(o => !o.Item2.IsNumber).ToList();

        if (unusable.Count == 0)
        {
            return left == right
                ? null
                : new Finding
                {
                    Rule = Id,
                    Severity = Severity.Error,
                    Location = location,
                    Expected = shouldBe,
                    Actual = carriedOut.Number,
                    Message = $"{cellName}：本列应满足 一+二=(七)总计+四，但 {sides}，两边相差 {ValidationContext.Number(Math.Abs(left - right))}；"
                        + $"按此推算四应为 {ValidationContext.Number(shouldBe)}，实为 {ValidationContext.Number(carriedOut.Number)}",
                };
        }

        var why = string.Join("、", unusable.Select(o => o.Item2.IsBlank ? $"「{o.Item1}」为空白" : $"「{o.Item1}」为文字“{o.Item2.Raw}”"));
        return new Finding
        {
            Rule = Id,
            Severity = left == right ? Severity.Info : Severity.Warning,
            Location = location,
            Expected = shouldBe,
            Actual = carriedOut.AsNumber,
            Message = left == right
                ? $"{cellName}：一+二=(七)总计+四 无法核对，因为{why}；若空白按 0 计则相符（{sides}）"
                : $"{cellName}：一+二=(七)总计+四 无法核对，因为{why}；若空白按 0 计，{sides}，四应为 {ValidationContext.Number(shouldBe)}，实为 {SumCheck.Show(carriedOut)}",
        };
    }
}
