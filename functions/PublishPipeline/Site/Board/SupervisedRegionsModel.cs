namespace PublishPipeline.Site.Board;

/// <summary>The landing page of a supervisor: the regions they supervise, each with its board for <paramref name="Year"/>.</summary>
public sealed record SupervisedRegionsModel(string Email, int Year, IReadOnlyList<SupervisedRegionEntry> Regions);

public sealed record SupervisedRegionEntry(string Id, string Name, string Region, string Office);
