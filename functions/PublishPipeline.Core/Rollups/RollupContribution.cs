namespace PublishPipeline.Rollups;

/// <summary>One summed report's value in one cell.</summary>
/// <param name="Source">The report's index in <see cref="RegionRollup.Summed"/>.</param>
/// <param name="Value">The number it printed.</param>
public sealed record RollupContribution(int Source, decimal Value);
