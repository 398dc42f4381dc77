namespace PublishPipeline.Notices;

/// <summary>
/// To the submitters and the reviewers: a version was withdrawn, with the reason (free text, untrusted).
/// <paramref name="WasPublished"/> says the version had been public, so its public page was taken down.
/// </summary>
public sealed record WithdrawnNotice(
    string SubmissionId,
    string AgencyName,
    int Year,
    int Version,
    string WithdrawnBy,
    DateTimeOffset WithdrawnAt,
    string Reason,
    bool WasPublished,
    string StatusUrl);
