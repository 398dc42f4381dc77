namespace PublishPipeline.Submissions;

/// <summary>
/// The life of one uploaded version:
/// Received → Rejected (unreadable, unknown uploader) | NeedsChanges (errors) | AwaitingReview (clean or warnings);
/// AwaitingReview → Approved (a reviewer; an auto-publishing agency's clean report skips review) | NeedsChanges
/// (returned with comments); Approved → Published (now or at the scheduled time); Published → Superseded by a
/// corrected version going live. A newer upload supersedes the versions still pending. Withdrawn by the agency
/// or the reviewer at any point before that; Failed when a stage failed on every retry.
/// </summary>
public enum SubmissionState
{
    Received,
    Rejected,
    NeedsChanges,
    AwaitingReview,
    Approved,
    Published,
    Superseded,
    Withdrawn,
    Failed,
}
