using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Arithmetic;

/// <summary>
/// Checks one "result = Σ parts" relation between cells. Blank or text operands mean the rule cannot be checked:
/// the finding says so, and says what blank=0 arithmetic would give (CHECKS.md C1), as a warning when that would fail
/// and as info when it would hold.
/// </summary>
internal static class SumCheck
{
    public sealed record Operand(string Name, CellValue Value);

    /// <summary>
    /// True when the relation holds on numbers alone, i.e. when <see cref="Check"/> would find nothing: rules ask this
    /// first so that names and messages are only built for the cells that fail.
    /// </summary>
    public static bool Holds(CellValue target, ReadOnlySpan<CellValue> parts)
    {
        if (!target.IsNumber)
        {
            return false;
        }

        decimal sum = 0;
        foreach (var part in parts)
        {
            if (!part.IsNumber)
            {
                return false;
            }

            sum += part.Number;
        }

        return sum == target.Number;
    }

    /// <param name="rule">Rule id.</param>
    /// <param name="location">The cell the finding points at (the one the relation computes).</param>
    /// <param name="cellName">That cell as printed.</param>
    /// <param name="target">The computed cell and its short name.</param>
    /// <param name="parts">The cells that should add up to it.</param>
    /// <param name="relation">A short Chinese name of the relation for the message.</param>
    public static Finding? Check(string rule, FindingLocation location, string cellName, Operand target, IReadOnlyList<Operand> parts, string relation)
    {
        var sum = parts.Sum(p => p.Value.AsNumber ?? 0);
        var expression = string.Join("+", parts.Select(p => $"{p.Name}({Show(p.Value)})"));
        var unusable = parts.Append(target).Where(p => !p.Value.IsNumber).ToList();
        if (unusable.Count == 0)
        {
            var actual = target.Value.Number;
            return actual == sum
                ? null
                : new Finding
                {
                    Rule = rule,
                    Severity = Severity.Error,
                    Location = location,
                    Expected = sum,
                    Actual = actual,
                    Message = $"{cellName}：{relation}，但 {expression}={ValidationContext.Number(sum)}，{target.Name}应为 {ValidationContext.Number(sum)}，实为 {ValidationContext.Number(actual)}",
                };
        }

        var actualIfZero = target.Value.AsNumber ?? 0;
        var holdsIfZero = actualIfZero == sum;
        var why = string.Join("、", unusable.Select(p => p.Value.IsBlank ? $"「{p.Name}」为空白" : $"「{p.Name}」为文字“{p.Value.Raw}”"));
        return new Finding
        {
            Rule = rule,
            Severity = holdsIfZero ? Severity.Info : Severity.Warning,
            Location = location,
            Expected = sum,
            Actual = target.Value.AsNumber,
            Message = holdsIfZero
                ? $"{cellName}：{relation}，无法核对，因为{why}；若空白按 0 计则相符（{expression}={ValidationContext.Number(sum)}）"
                : $"{cellName}：{relation}，无法核对，因为{why}；若空白按 0 计，{expression}={ValidationContext.Number(sum)}，{target.Name}应为 {ValidationContext.Number(sum)}，实为 {Show(target.Value)}",
        };
    }

    public static string Show(CellValue value) => value.Kind switch
    {
        CellKind.Number => ValidationContext.Number(value.Number),
        CellKind.Text => $"“{value.Raw}”",
        _ => "空白",
    };
}
