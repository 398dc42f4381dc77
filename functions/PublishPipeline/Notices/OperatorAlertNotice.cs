namespace PublishPipeline.Notices;

/// <summary>
/// To the operators' mailbox (configured addresses, never the directory's): a stage failed on every retry and its message
/// went to <paramref name="PoisonQueue"/>. <paramref name="SubmissionId"/> and <paramref name="AgencyName"/> are null
/// when the message named no (known) submission; <paramref name="SubmissionMarkedFailed"/> says the submission was
/// marked 处理失败. <paramref name="ErrorSummary"/> may span several lines and quote untrusted text.
/// </summary>
public sealed record OperatorAlertNotice(
    string Stage,
    string? SubmissionId,
    string? AgencyName,
    string ErrorSummary,
    DateTimeOffset FailedAt,
    string PoisonQueue,
    bool SubmissionMarkedFailed);
