using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline.Deadlines;

/// <summary>
/// Where one agency's report for one year stands, as much as the reminder decision needs.
/// </summary>
/// <param name="LatestVersion">The newest version that still counts (see <see cref="FromVersions"/>); null when nothing was uploaded.</param>
/// <param name="LatestState">That version's state.</param>
/// <param name="InReviewOrDone">Whether any version is AwaitingReview, Approved or Published: the agency has done its part.</param>
public sealed record ReportProgress(int? LatestVersion, SubmissionState? LatestState, bool InReviewOrDone)
{
    /// <summary>No upload at all for the year.</summary>
    public static ReportProgress NothingUploaded { get; } = new(null, null, false);

    /// <summary>
    /// Summarises a report's versions. The latest is the newest version that still counts, that is not Rejected,
    /// Withdrawn, Failed or Superseded (so an unreadable re-upload does not hide a version that needs changes); when
    /// none counts, the newest of all.
    /// </summary>
    public static ReportProgress FromVersions(IEnumerable<(int Version, SubmissionState State)> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var all = versions.OrderByDescending(v => v.Version).ToList();
        if (all.Count == 0)
        {
            return NothingUploaded;
        }

        var latest = all.FirstOrDefault(v => Counts(v.State), all[0]);
        return new ReportProgress(latest.Version, latest.State, all.Exists(v => IsInReviewOrDone(v.State)));
    }

    internal static bool IsInReviewOrDone(SubmissionState state) =>
        state is SubmissionState.AwaitingReview or SubmissionState.Approved or SubmissionState.Published;

    private static bool Counts(SubmissionState state) =>
        state is not (SubmissionState.Rejected or SubmissionState.Withdrawn or SubmissionState.Failed or SubmissionState.Superseded);
}
