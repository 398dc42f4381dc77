namespace PublishPipeline.Notices;

/// <summary>To the submitters: a reviewer approved a version; it is published now, or at <paramref name="ScheduledAt"/> when set.</summary>
public sealed record ApprovedNotice(
    string SubmissionId,
    string AgencyName,
    int Year,
    int Version,
    string ApprovedBy,
    DateTimeOffset ApprovedAt,
    DateTimeOffset? ScheduledAt,
    string StatusUrl);
