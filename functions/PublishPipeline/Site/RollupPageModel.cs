using PublishPipeline.Rollups;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Site;

/// <summary>The public roll-up page of a supervised region and a year (<see cref="SitePaths.RollupPage"/>).</summary>
public sealed record RollupPageModel(RegionRollup Rollup, RegionPath Region);
