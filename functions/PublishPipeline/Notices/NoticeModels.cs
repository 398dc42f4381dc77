using PublishPipeline.Reports;

namespace PublishPipeline.Notices;

/// <summary>A composed email: subject, HTML body and plain-text body, all in Chinese.</summary>
public sealed record EmailContent(string Subject, string Html, string Text);

/// <summary>How the validation of a submission ended, as the submitter is told.</summary>
public enum ValidationOutcome
{
    /// <summary>The upload is not a readable report (empty, binary, not a 年度报告): nothing was checked.</summary>
    Rejected,

    /// <summary>The report has errors; it will not be published until a corrected version is submitted.</summary>
    NeedsChanges,

    /// <summary>No errors (warnings allowed): the report goes on to publication.</summary>
    Accepted,
}

/// <summary>
/// The validation-result email to the submitter. <paramref name="FixSuggestions"/> are the 修改建议 sentences
/// (<see cref="FixSuggestionText.For"/>) computed from the stored report when the email is composed.
/// </summary>
public sealed record ValidationNotice(
    string SubmissionId,
    string AgencyName,
    int? Year,
    string FileName,
    DateTimeOffset ReceivedAt,
    ValidationOutcome Outcome,
    IReadOnlyList<Finding> Findings,
    string StatusUrl,
    bool AwaitsReview = false,
    IReadOnlyList<string>? FixSuggestions = null);

/// <summary>
/// The publication notice, with the public link. <paramref name="ReplacesVersion"/> is set when this version
/// corrects one that was already public (that version is superseded by this one).
/// </summary>
public sealed record PublishedNotice(
    string SubmissionId,
    string AgencyName,
    int Year,
    string Title,
    string PublicUrl,
    int Warnings,
    int? ReplacesVersion = null);
