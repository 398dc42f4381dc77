namespace PublishPipeline.Notices;

/// <summary>
/// The emails the pipeline sends. Per-submission kinds are sent at most once per submission; the deadline reminder,
/// the review digest and the operator alert are keyed by whoever sends them (agency+year+date, reviewer+date, message).
/// </summary>
public static class NoticeKind
{
    public const string ValidationResult = "validation-result";

    public const string Published = "published";

    public const string ReviewRequest = "review-request";

    public const string Returned = "returned";

    public const string Approved = "approved";

    public const string Withdrawn = "withdrawn";

    public const string DeadlineReminder = "deadline-reminder";

    public const string ReviewDigest = "review-digest";

    public const string OperatorAlert = "operator-alert";

    /// <summary>A region's supervisor board, weekly, to each of its supervisors (keyed by region, supervisor and ISO week).</summary>
    public const string SupervisorDigest = "supervisor-digest";
}
