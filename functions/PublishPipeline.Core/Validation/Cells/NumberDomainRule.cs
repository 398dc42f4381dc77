using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Cells;

/// <summary>
/// C3 (R-NONNEG-INT): counts are non-negative integers. Exceptions: 2021 收费金额 (decimal ≥ 0, 万元), 2019 本年增/减
/// (signed integer), 2019 采购总金额 (money ≥ 0). Blank and text cells are C1's and C2's.
/// </summary>
public sealed class NumberDomainRule : IValidationRule
{
    public string Id => "C3";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var cell in context.Cells)
        {
            if (!cell.Value.IsNumber)
            {
                continue;
            }

            var value = cell.Value.Number;
            var type = cell.ColumnType ?? "int";
            var integer = value == decimal.Truncate(value);
            string? problem = type switch
            {
                "signed_int" => integer ? null : "本列只能填写整数（减少用负数，如 -4）",
                "decimal_wan_yuan" or "money_unit_unspecified" => value >= 0 ? null : "金额不能为负数",
                _ when value < 0 => "本列只能填写非负整数，不能为负数",
                _ when !integer => "本列是件数，只能填写整数",
                _ => null,
            };
            if (problem is null)
            {
                continue;
            }

            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Error,
                Location = new FindingLocation { Table = cell.Table, Row = cell.Row, Column = cell.ColumnKey },
                Actual = value,
                Message = $"{context.CellName(cell.Table, cell.Row, cell.Column)}为 {ValidationContext.Number(value)}：{problem}",
            };
        }
    }
}
