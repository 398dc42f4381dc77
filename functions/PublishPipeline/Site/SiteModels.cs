using PublishPipeline.Reports;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Site;

/// <summary>What a public report page shows: the parsed report plus where and when it was published.</summary>
public sealed record ReportPageModel(
    ReportDocument Document,
    string AgencyId,
    string AgencyName,
    DateTimeOffset PublishedAt,
    string SubmissionId)
{
    /// <summary>When this report was first made public, if this page is a correction of it (the page says so).</summary>
    public DateTimeOffset? FirstPublishedAt { get; init; }

    /// <summary>The year of the page (the year the report was submitted for): the document's own year must agree.</summary>
    public int Year => Document.Report.Year ?? throw new InvalidOperationException("a report page needs the report's year");

    /// <summary>Where the agency sits (breadcrumb, links to its region); the root when unknown.</summary>
    public RegionPath Region { get; init; } = RegionPath.Root;

    /// <summary>The version this page shows (1 for a folder build).</summary>
    public int Version { get; init; } = 1;

    /// <summary>Earlier public versions of this report, oldest first: a correction links to each.</summary>
    public IReadOnlyList<EarlierVersion> EarlierVersions { get; init; } = [];

    /// <summary>The 更正说明 given with a correction, if any.</summary>
    public string? CorrectionNote { get; init; }

    /// <summary>
    /// The API's address of the agency's next-year template, pre-filled from this report (for the agency's staff, who
    /// sign in to get it); null where the site is built without the API (a folder build without an API address).
    /// </summary>
    public string? NextYearTemplateUrl { get; init; }

    /// <summary>The agency's published report of the previous year, for the per-row comparison; null when there is none.</summary>
    public ReportDocument? Previous { get; init; }

    /// <summary>
    /// Set when this page is an earlier version kept at <see cref="SitePaths.VersionUrl"/>: it says so and links to the
    /// live version; the date it was replaced.
    /// </summary>
    public DateTimeOffset? ReplacedAt { get; init; }
}

/// <summary>How many live reports a year has, and how many of them are corrections.</summary>
public sealed record YearCount(int Year, int Reports, int Corrections);

/// <summary>Home: the latest publications and corrections (newest first), the counts per year, the search box.</summary>
public sealed record HomePageModel(IReadOnlyList<SiteReport> Latest, IReadOnlyList<YearCount> Years);

/// <summary><c>/reports/</c>: every year with its count.</summary>
public sealed record YearsPageModel(IReadOnlyList<YearCount> Years);

/// <summary>A region's part of a year (or the region tree): the sum of its reports' figures (Figures.Reports = how many).</summary>
public sealed record RegionSummary(RegionPath Region, ReportFigures Figures);

/// <summary>
/// One year page. At the root, <see cref="Regions"/> are the provinces; in a province, its cities; at
/// <see cref="SitePaths.YearListingDepth"/> (a city), there are no sub-pages and <see cref="Reports"/> lists every report in
/// it. At any level, <see cref="Reports"/> also holds the reports of agencies that sit exactly at the scope (a province's
/// own departments). <see cref="Total"/> sums the scope's reports; charts and the table show it and the regions' parts.
/// </summary>
public sealed record YearPageModel(
    int Year,
    RegionPath Scope,
    IReadOnlyList<RegionSummary> Regions,
    IReadOnlyList<SiteReport> Reports,
    ReportFigures Total,
    IReadOnlyList<int> Years)
{
    /// <summary>The supervised regions whose roll-up of the year this page links (see <see cref="SitePaths.RollupListedAt"/>).</summary>
    public IReadOnlyList<RegionPath> Rollups { get; init; } = [];
}

/// <summary>An agency in a region page: where its reports are (the years with a live report).</summary>
public sealed record AgencyListing(SiteAgency Agency, IReadOnlyList<int> Years);

/// <summary>
/// A node of the region tree (<c>/regions/…</c>, from the agency directory): its child regions, and the agencies that sit
/// exactly at it, each with the years it has published.
/// </summary>
public sealed record RegionPageModel(RegionPath Scope, IReadOnlyList<RegionPath> Children, IReadOnlyList<AgencyListing> Agencies)
{
    /// <summary>The years with a regional roll-up of exactly this region (a supervised region's), linked from its page.</summary>
    public IReadOnlyList<int> RollupYears { get; init; } = [];
}

/// <summary>One agency's page: its live reports by year (newest first), corrections and earlier versions included.</summary>
public sealed record AgencyPageModel(SiteAgency Agency, IReadOnlyList<SiteReport> Reports);
