using System.Text.Json;
using System.Text.Json.Serialization;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Site.Live;

/// <summary>A live report as stored in the index table (the serialised face of <see cref="SiteReport"/>).</summary>
public sealed record SiteReportRecord
{
    public required string AgencyId { get; init; }

    public required string AgencyName { get; init; }

    public required string Region { get; init; }

    public string? Level { get; init; }

    public required int Year { get; init; }

    public required string Title { get; init; }

    public string? Template { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    public DateTimeOffset? FirstPublishedAt { get; init; }

    public int Version { get; init; } = 1;

    public List<EarlierVersion> EarlierVersions { get; init; } = [];

    public string? CorrectionNote { get; init; }

    /// <summary>The submission whose document is live (its stored report is the page's source).</summary>
    public required string SubmissionId { get; init; }

    public required decimal?[] Figures { get; init; }

    public static SiteReportRecord From(SiteReport report, string submissionId, string? level) => new()
    {
        AgencyId = report.AgencyId,
        AgencyName = report.AgencyName,
        Region = report.Region.Key,
        Level = level,
        Year = report.Year,
        Title = report.Title,
        Template = report.Template,
        PublishedAt = report.PublishedAt,
        FirstPublishedAt = report.FirstPublishedAt,
        Version = report.Version,
        EarlierVersions = [.. report.EarlierVersions],
        CorrectionNote = report.CorrectionNote,
        SubmissionId = submissionId,
        Figures = report.Figures.Values,
    };

    public SiteReport ToSiteReport() => new()
    {
        AgencyId = AgencyId,
        AgencyName = AgencyName,
        Region = RegionPath.Parse(Region),
        Year = Year,
        Title = Title,
        Template = Template,
        PublishedAt = PublishedAt,
        FirstPublishedAt = FirstPublishedAt,
        Version = Version,
        EarlierVersions = EarlierVersions,
        CorrectionNote = CorrectionNote,
        Figures = new ReportFigures { Values = Figures },
    };
}

/// <summary>The sum of a region's reports in one year, and how many of them are corrections.</summary>
public sealed record RegionSummaryRecord(decimal?[] Values, int[] Incomplete, int Reports, int Corrections)
{
    public ReportFigures Figures => new() { Values = Values, Incomplete = Incomplete, Reports = Reports };

    public static RegionSummaryRecord Of(ReportFigures figures, int corrections) =>
        new(figures.Values, figures.Incomplete, figures.Reports, corrections);
}

/// <summary>An agency at a region, with the years it has a live report (a region page's entry).</summary>
public sealed record RegionAgencyRecord(string Id, string Name, string? Level, List<int> Years);

/// <summary>An agency inside a city-level region, with its exact region (a city's sitemap lists its pages).</summary>
public sealed record CityAgencyRecord(string Name, string Region, string? Level);

/// <summary>
/// When the live site last changed, up to which change search was last indexed, and since when a change has been
/// waiting for the index (the debounce of the search job).
/// </summary>
public sealed record SearchStateRecord(DateTimeOffset ChangedAt, DateTimeOffset? IndexedAt, DateTimeOffset? PendingSince);

/// <summary>
/// A supervised region's roll-up of a year. <paramref name="Change"/> counts the publications, corrections and
/// withdrawals that touched it (each rebuild message carries the count it was sent for, so the latest message is known
/// without comparing clocks); <paramref name="Built"/> is the count the files on the site reflect; <paramref name="ChangedAt"/>
/// and <paramref name="PendingSince"/> (the first change not yet built) bound how long a busy region waits;
/// <paramref name="Live"/> whether the roll-up is on the site; <paramref name="Builds"/> how many times it was built
/// (how well the debounce works, for operators and tests).
/// </summary>
public sealed record RollupStateRecord(
    string RegionId,
    int Change,
    int Built,
    DateTimeOffset ChangedAt,
    DateTimeOffset? PendingSince,
    bool Live,
    int Builds)
{
    public bool IsBuilt => Built >= Change;
}

/// <summary>How index rows hold their records: web-style JSON, nulls left out.</summary>
public static class SiteIndexJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException("an index row holds no record");
}
