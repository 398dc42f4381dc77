using PublishPipeline.Submissions;

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
    int Warnings)
{
    /// <summary>The versions awaiting review, named as the directory names their agencies (the id when unregistered).</summary>
    public static IReadOnlyList<PendingReview> From(IEnumerable<Submission> awaitingReview, IEnumerable<Agency> agencies)
    {
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        return awaitingReview
            .Select(s => new PendingReview(s.Id, s.AgencyId, names.GetValueOrDefault(s.AgencyId, s.AgencyId), s.Year, s.Version, s.ReceivedAt, s.Warnings))
            .ToList();
    }
}
