using PublishPipeline.Agencies;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Cells;

/// <summary>
/// C4: money cells look like money. 2021 收费金额 is in 万元: more than 4 decimals is finer than one 元, and a value of
/// 10 亿元 or more for a 乡镇街道, county or department usually means 元 typed as 万元. A 2019 采购总金额 has no printed
/// unit, so a large bare number is flagged for its unit to be stated.
/// </summary>
public sealed class MoneyPrecisionRule : IValidationRule
{
    /// <summary>4 decimals of 万元 is one 元.</summary>
    internal const int MaxDecimals = 4;

    /// <summary>10 亿元 in 万元: implausible fee income for a 乡镇街道, county or department.</summary>
    internal const decimal LocalFeeCeiling = 100_000m;

    /// <summary>1000 亿元 in 万元: implausible for anyone.</summary>
    internal const decimal FeeCeiling = 10_000_000m;

    /// <summary>A bare 采购总金额 this large is probably 元; ask for the unit.</summary>
    internal const decimal ProcurementUnitThreshold = 100_000m;

    public string Id => "C4";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var cell in context.Cells)
        {
            if (!cell.Value.IsNumber || cell.Table != ValidationContext.Proactive)
            {
                continue;
            }

            var value = cell.Value.Number;
            var type = cell.ColumnType;
            if (type == "decimal_wan_yuan")
            {
                if (Decimals(value) > MaxDecimals)
                {
                    var name = context.CellName(cell.Table, cell.Row, cell.Column);
                    var rounded = Math.Round(value, MaxDecimals, MidpointRounding.AwayFromZero);
                    yield return Warning(Location(cell), value, rounded, $"{name}为 {ValidationContext.Number(value)}（{Decimals(value)} 位小数）：单位是万元，超过 {MaxDecimals} 位小数已小于 1 元，请核对金额与单位（精确到元为 {ValidationContext.Number(rounded)}）");
                }

                var level = context.Inputs.AgencyLevel;
                var ceiling = level is AgencyLevels.Township or AgencyLevels.County or AgencyLevels.Department ? LocalFeeCeiling : FeeCeiling;
                if (value >= ceiling)
                {
                    var name = context.CellName(cell.Table, cell.Row, cell.Column);
                    yield return Warning(Location(cell), value, value / 10000m, $"{name}为 {ValidationContext.Number(value)} 万元（{ValidationContext.Number(value / 10000m)} 亿元），{(level is null ? "" : $"对{level}")}明显偏大：请核对是否把“元”填成了“万元”（若为元，应填 {ValidationContext.Number(value / 10000m)}）");
                }
            }
            else if (type == "money_unit_unspecified" && value >= ProcurementUnitThreshold)
            {
                var name = context.CellName(cell.Table, cell.Row, cell.Column);
                yield return Warning(Location(cell), value, null, $"{name}为 {ValidationContext.Number(value)}，表中未注明单位：请在正文中说明金额单位（元或万元），以免误读");
            }
        }
    }

    /// <summary>Significant decimals: trailing zeros ("1.50") do not count.</summary>
    private static int Decimals(decimal value) =>
        value != decimal.Truncate(value) && ValidationContext.Number(value).Split('.') is [_, var fraction] ? fraction.Length : 0;

    private static FindingLocation Location(TableCells.Cell cell) => new() { Table = cell.Table, Row = cell.Row, Column = cell.ColumnKey };

    private Finding Warning(FindingLocation location, decimal actual, decimal? expected, string message) => new()
    {
        Rule = Id,
        Severity = Severity.Warning,
        Location = location,
        Actual = actual,
        Expected = expected,
        Message = message,
    };
}
