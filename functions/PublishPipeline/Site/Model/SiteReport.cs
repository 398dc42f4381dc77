namespace PublishPipeline.Site.Model;

/// <summary>
/// One live report as every index lists it: who, where, which year, when it was published and corrected, and the
/// figures the year pages add up. Index pages are functions of these (never of the whole documents), so a full
/// build and the pipeline's one-at-a-time publications derive the same pages from the same facts.
/// </summary>
public sealed record SiteReport
{
    public required string AgencyId { get; init; }

    public required string AgencyName { get; init; }

    public required RegionPath Region { get; init; }

    /// <summary>The year the report is for, which is the year of its page (<c>/reports/{year}/{agency}/</c>).</summary>
    public required int Year { get; init; }

    public required string Title { get; init; }

    /// <summary>"2019" or "2021" (the national format), or null when none was recognised.</summary>
    public string? Template { get; init; }

    /// <summary>When the live version went public.</summary>
    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>When the report was first public, if the live version is a correction; null otherwise.</summary>
    public DateTimeOffset? FirstPublishedAt { get; init; }

    /// <summary>The live version's number (1 for a folder build without versions).</summary>
    public int Version { get; init; } = 1;

    /// <summary>Earlier public versions, oldest first (empty unless corrected).</summary>
    public IReadOnlyList<EarlierVersion> EarlierVersions { get; init; } = [];

    /// <summary>The 更正说明 the reviewer or agency gave for the live correction, if any.</summary>
    public string? CorrectionNote { get; init; }

    public required ReportFigures Figures { get; init; }

    public bool IsCorrection => FirstPublishedAt is not null;
}
