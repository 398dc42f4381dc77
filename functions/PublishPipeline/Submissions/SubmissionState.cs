namespace PublishPipeline.Submissions;

/// <summary>
/// The life of one uploaded version. Received → Rejected (unreadable) | NeedsChanges (errors) | AwaitingReview
/// (clean or warnings) | Approved (an auto-publishing agency's clean report) → Published.
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
