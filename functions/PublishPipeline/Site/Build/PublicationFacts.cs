using System.Text.Json.Serialization;

namespace PublishPipeline.Site.Build;

/// <summary>
/// The optional top-level <c>publication</c> member of a report JSON document given to <c>pubpipe site build</c>: the
/// facts the pipeline records when it publishes (docs/REPORT-JSON.md). Every member is optional; the builder falls back
/// to the agency directory, the file name and the report's own dates for what is missing.
/// </summary>
public sealed record PublicationFacts
{
    [JsonPropertyName("agency_id")]
    public string? AgencyId { get; init; }

    /// <summary>"浙江省/金华市/兰溪市", as the agency directory writes regions.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    [JsonPropertyName("published_at")]
    public DateTimeOffset? PublishedAt { get; init; }

    [JsonPropertyName("first_published_at")]
    public DateTimeOffset? FirstPublishedAt { get; init; }

    [JsonPropertyName("version")]
    public int? Version { get; init; }

    [JsonPropertyName("earlier_versions")]
    public IReadOnlyList<PublishedVersion>? EarlierVersions { get; init; }

    [JsonPropertyName("correction_note")]
    public string? CorrectionNote { get; init; }
}

/// <summary>One entry of <see cref="PublicationFacts.EarlierVersions"/>.</summary>
public sealed record PublishedVersion
{
    [JsonPropertyName("version")]
    public int Version { get; init; }

    [JsonPropertyName("published_at")]
    public DateTimeOffset? PublishedAt { get; init; }

    [JsonPropertyName("replaced_at")]
    public DateTimeOffset? ReplacedAt { get; init; }
}
