using PublishPipeline.Reports;

namespace PublishPipeline.Notices;

/// <summary>
/// To the supervising office's reviewers: a version passed the automatic checks and awaits their decision.
/// <paramref name="Findings"/> are the version's findings (warnings only, since it passed); the email lists the first few.
/// </summary>
public sealed record ReviewRequestNotice(
    string SubmissionId,
    string AgencyName,
    int Year,
    int Version,
    string FileName,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<Finding> Findings,
    string PreviewUrl,
    string StatusUrl);
