namespace PublishPipeline.Rollups;

/// <summary>A summed report whose value of one cell is not in the cell's sum, and why.</summary>
/// <param name="Source">The report's index in <see cref="RegionRollup.Summed"/>.</param>
/// <param name="Kind">Why the value could not be added.</param>
/// <param name="Raw">The printed text when <paramref name="Kind"/> is <see cref="RollupGapKind.Text"/>.</param>
public sealed record RollupGap(int Source, RollupGapKind Kind, string? Raw = null)
{
    /// <summary>The reason as a reader sees it.</summary>
    public string Reason => Kind switch
    {
        RollupGapKind.Blank => "空白",
        RollupGapKind.Text => $"填写为「{Raw}」，不是数字",
        RollupGapKind.Unread => "该行未能准确读出",
        _ => "报告中没有这一行",
    };
}
