using System.Globalization;

namespace PublishPipeline.Rollups;

/// <summary>
/// One cell of a template's tables: table 二 by item, row and column; 三 by row and column; 四 by group (as
/// <see cref="Row"/>) and column. <see cref="Column"/> is the index in the template's column order.
/// </summary>
public readonly record struct RollupCellKey(RollupTable Table, string? Item, string Row, int Column)
{
    /// <summary>
    /// A stable name for the cell, safe as an HTML id and a CSV field: <c>t2-art20_1-rules-0</c>, <c>t3-new-6</c>,
    /// <c>t4-review-4</c> (contract keys are lowercase ASCII with underscores).
    /// </summary>
    public string Anchor => Table switch
    {
        RollupTable.Proactive => $"t2-{Item}-{Row}-{Column.ToString(CultureInfo.InvariantCulture)}",
        RollupTable.Requests => $"t3-{Row}-{Column.ToString(CultureInfo.InvariantCulture)}",
        _ => $"t4-{Row}-{Column.ToString(CultureInfo.InvariantCulture)}",
    };
}
