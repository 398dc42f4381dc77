namespace PublishPipeline.Rollups;

/// <summary>An agency of the region that has no published report for the year: listed as not included.</summary>
public sealed record RollupAgency(string Id, string Name);
