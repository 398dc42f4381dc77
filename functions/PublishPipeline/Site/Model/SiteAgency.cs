namespace PublishPipeline.Site.Model;

/// <summary>An agency as the public site knows it: from the agency directory (or, for a folder build, the reports).</summary>
public sealed record SiteAgency(string Id, string Name, RegionPath Region, string? Level);
