namespace PublishPipeline.Pipeline.Deadlines;

/// <summary>A submission waiting for a reviewer, as the digest lists it.</summary>
/// <param name="Warnings">How many warnings the checks found, so a reviewer sees which reports need a closer look.</param>
public sealed record PendingReview(
    string SubmissionId,
    string AgencyId,
    string AgencyName,
    int Year,
    int Version,
    DateTimeOffset SubmittedAt,
    int Warnings);
