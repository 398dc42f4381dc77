using PublishPipeline.Site.Model;

namespace PublishPipeline.Site.Build;

/// <summary>A year page: the year and its region scope (root, province or city; see <see cref="SitePaths.YearPage"/>).</summary>
public sealed record YearScopePage(int Year, RegionPath Scope);
