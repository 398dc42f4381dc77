namespace PublishPipeline.Rollups;

/// <summary>
/// One cell of the roll-up: the sum of the summed reports' numbers, every report's value in it, and the summed reports
/// whose cell could not be added (then the sum is incomplete: it says so, rather than pretending the gap is 0).
/// </summary>
public sealed class RollupCell
{
    public required RollupCellKey Key { get; init; }

    /// <summary>Where the cell sits, as a reader names it: 表三 · 一、本年新收政府信息公开申请数量 · 自然人.</summary>
    public required string Label { get; init; }

    /// <summary>The sum of <see cref="Contributions"/>.</summary>
    public required decimal Sum { get; init; }

    /// <summary>Every summed report that printed a number here (zeros included), in the order of <see cref="RegionRollup.Summed"/>.</summary>
    public required IReadOnlyList<RollupContribution> Contributions { get; init; }

    /// <summary>The summed reports whose value is not in <see cref="Sum"/>.</summary>
    public required IReadOnlyList<RollupGap> Gaps { get; init; }

    /// <summary>Whether every summed report's number is in the sum.</summary>
    public bool IsComplete => Gaps.Count == 0;
}
