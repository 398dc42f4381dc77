using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

/// <summary>
/// What some checks need that the report itself does not carry: who submitted it, at which level, when, under
/// which deadline calendar, and last year's report. A rule whose input is missing says "未检查" (info) and never guesses.
/// </summary>
public sealed record ValidationInputs
{
    public static ValidationInputs None { get; } = new();

    /// <summary>The submitting account's agency name from the directory (A2).</summary>
    public string? ExpectedAgencyName { get; init; }

    /// <summary>The agency's level, one of <see cref="AgencyLevels.All"/> (A7, B6, C4, E2, E4, H1).</summary>
    public string? AgencyLevel { get; init; }

    /// <summary>The directory's region path (浙江省/金华市/兰溪市); its depth tells a county department from a provincial one (E4).</summary>
    public string? AgencyRegion { get; init; }

    /// <summary>
    /// The year the draft was submitted for (the upload's year): the year of the report's page, which the draft's own
    /// year must equal (A8).
    /// </summary>
    public int? SubmittedForYear { get; init; }

    /// <summary>When the draft was submitted to the pipeline (H1).</summary>
    public DateOnly? SubmittedAt { get; init; }

    /// <summary>When the report was published, if it was (A4, H1); the report's own 落款 date is used first.</summary>
    public DateOnly? PublishedAt { get; init; }

    /// <summary>Deadlines by level (H1); null means the national defaults of 条例 第四十九条.</summary>
    public DeadlineCalendar? DeadlineCalendar { get; init; }

    /// <summary>The head of unit's approval recorded by the workflow (H5); null when the workflow did not say.</summary>
    public SignOffRecord? SignOff { get; init; }

    /// <summary>Last year's published report of the same agency (cross-year checks, CHECKS.md G).</summary>
    public Report? PreviousReport { get; init; }
}
