using PublishPipeline.Submissions;

namespace PublishPipeline.Access;

/// <summary>
/// Who may do what, from the agency directory alone: an agency's submitters submit, follow and withdraw its
/// reports; the reviewers of its supervising office follow, approve, return, publish and withdraw them (including
/// taking a published report down); the supervisors of a region (<see cref="SupervisedRegion"/>) follow every agency of
/// that region and no other. Nobody else sees anything of a report that is not public.
/// </summary>
public static class AccessPolicy
{
    public static bool IsSubmitter(Agency agency, Caller caller) => Contains(agency.SubmitterEmails, caller);

    public static bool IsReviewer(Agency agency, Caller caller) => Contains(agency.ReviewerEmails, caller);

    public static bool CanView(Agency agency, Caller caller) => IsSubmitter(agency, caller) || IsReviewer(agency, caller);

    public static bool CanSubmit(Agency agency, Caller caller) => IsSubmitter(agency, caller);

    public static bool CanReview(Agency agency, Caller caller) => IsReviewer(agency, caller);

    /// <summary>Submitters withdraw what is not yet public; reviewers may also take a published report down.</summary>
    public static bool CanWithdraw(Agency agency, Caller caller, SubmissionState state) =>
        IsReviewer(agency, caller) || (IsSubmitter(agency, caller) && state != SubmissionState.Published);

    /// <summary>
    /// Whether the caller may read the agency's submissions (status pages, previews, the list of versions): its
    /// submitters and reviewers, and the supervisors of a region that covers it. Reading only: approving, returning,
    /// publishing and withdrawing still ask <see cref="CanReview"/> and <see cref="CanWithdraw"/>, which know no supervisor.
    /// </summary>
    public static bool CanRead(Agency agency, IEnumerable<SupervisedRegion> covering, Caller caller) =>
        CanView(agency, caller) || SupervisesAgency(agency, covering, caller);

    /// <summary>Whether the caller is one of the region's supervisors.</summary>
    public static bool IsSupervisor(SupervisedRegion region, Caller caller) => Contains(region.SupervisorEmails, caller);

    /// <summary>Whether the caller supervises one of <paramref name="regions"/> and that region covers the agency.</summary>
    public static bool SupervisesAgency(Agency agency, IEnumerable<SupervisedRegion> regions, Caller caller) =>
        regions.Any(r => r.Covers(agency) && IsSupervisor(r, caller));

    private static bool Contains(IReadOnlyList<string> emails, Caller caller) =>
        emails.Any(e => string.Equals(e.Trim(), caller.Email, StringComparison.OrdinalIgnoreCase));
}
