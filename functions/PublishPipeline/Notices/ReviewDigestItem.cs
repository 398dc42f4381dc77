namespace PublishPipeline.Notices;

/// <summary>One report awaiting review in the daily digest.</summary>
public sealed record ReviewDigestItem(
    string SubmissionId,
    string AgencyName,
    int Year,
    int Version,
    DateTimeOffset SubmittedAt,
    int Warnings,
    string PreviewUrl);
