using System.Text.Json.Serialization;

namespace PublishPipeline.Reports;

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("error")]
    Error,

    [JsonStringEnumMemberName("warning")]
    Warning,

    [JsonStringEnumMemberName("info")]
    Info,
}

/// <summary>Where a finding points: a table cell, a row, a section, or the document as a whole.</summary>
public sealed record FindingLocation
{
    public string? Table { get; init; }

    public string? Row { get; init; }

    public string? Column { get; init; }

    public string? Section { get; init; }

    /// <summary>A line number in the source document, where the reader knows it.</summary>
    public int? Line { get; init; }
}

/// <summary>
/// One result of a check: the rule id from CHECKS.md, its severity, the exact location, a Chinese message a clerk
/// can act on, and the expected and actual values where the rule computes them.
/// </summary>
public sealed record Finding
{
    public required string Rule { get; init; }

    public required Severity Severity { get; init; }

    public FindingLocation? Location { get; init; }

    public required string Message { get; init; }

    public decimal? Expected { get; init; }

    public decimal? Actual { get; init; }

    /// <summary>
    /// Set on the last finding kept for a rule whose findings were capped: how many more of that rule were left out,
    /// so one broken table does not drown the rest (the rule is also listed in <c>summary.partial_rules</c>).
    /// </summary>
    public int? Omitted { get; init; }
}
