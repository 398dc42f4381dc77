using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Cells;

/// <summary>
/// C1: every numeric cell is filled; blank is not 0. Where the table's own arithmetic pins the value down
/// (a 总计 cell whose parts are all numbers), the message says what it would be.
/// </summary>
public sealed class BlankCellRule : IValidationRule
{
    public string Id => "C1";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var cell in context.Cells)
        {
            if (!cell.Value.IsBlank)
            {
                continue;
            }

            var implied = Implied(context, cell);
            var name = context.CellName(cell.Table, cell.Row, cell.Column);
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Error,
                Location = new FindingLocation { Table = cell.Table, Row = cell.Row, Column = cell.ColumnKey },
                Expected = implied,
                Message = implied is { } value
                    ? $"{name}为空白：空白不等于 0，请填写数字；按本行其他单元格推算应为 {ValidationContext.Number(value)}"
                    : $"{name}为空白：空白不等于 0，请填写数字（没有数据请填 0）",
            };
        }
    }

    /// <summary>The value row arithmetic gives for a blank 总计 cell (D3, D4), when every part is a number.</summary>
    private static decimal? Implied(ValidationContext context, TableCells.Cell cell)
    {
        var rows = cell.Table switch
        {
            ValidationContext.Requests => context.Report.Tables.Requests,
            ValidationContext.ReviewLitigation => context.Report.Tables.ReviewLitigation,
            _ => null,
        };
        if (rows is null || !rows.TryGetValue(cell.Row, out var cells) || cell.Column != cells.Count - 1)
        {
            return null;
        }

        decimal sum = 0;
        for (var c = 0; c < cells.Count - 1; c++)
        {
            if (!cells[c].IsNumber)
            {
                return null;
            }

            sum += cells[c].Number;
        }

        return sum;
    }
}
