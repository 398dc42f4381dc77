namespace PublishPipeline.Notices;

/// <summary>To the submitters: a reviewer returned a version with comments (free text, several lines, untrusted).</summary>
public sealed record ReturnedNotice(
    string SubmissionId,
    string AgencyName,
    int Year,
    int Version,
    string ReturnedBy,
    DateTimeOffset ReturnedAt,
    string Comments,
    string StatusUrl);
