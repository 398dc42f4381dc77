using PublishPipeline.Reports;

namespace PublishPipeline.Site;

/// <summary>
/// Everything the submission status page shows, as plain facts. The caller decides who may act: the page shows an
/// action form only when its flag is set, and the API must check the same permission again when the form is posted.
/// States are enum names ("AwaitingReview"); the page writes them in Chinese.
/// </summary>
public sealed record SubmissionStatusModel
{
    public required string SubmissionId { get; init; }

    public required string AgencyId { get; init; }

    public required string AgencyName { get; init; }

    public required int Year { get; init; }

    public required SubmissionVersionFacts Version { get; init; }

    public required string State { get; init; }

    /// <summary>Why the last transition happened (a rejection reason, a reviewer's comments), in Chinese.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>The 修改建议 sentences (<see cref="FixSuggestionText.For"/>) shown under the findings; empty when there are none.</summary>
    public IReadOnlyList<string> FixSuggestions { get; init; } = [];

    /// <summary>The audit trail of this version, oldest first.</summary>
    public IReadOnlyList<StatusAuditEntry> Audit { get; init; } = [];

    /// <summary>The other versions of the same report (same agency and year).</summary>
    public IReadOnlyList<OtherVersionEntry> OtherVersions { get; init; } = [];

    /// <summary>The emails sent (or being sent) about this version, with what became of each.</summary>
    public IReadOnlyList<StatusEmailEntry> Emails { get; init; } = [];

    /// <summary>True when a parsed report is stored for this version (not for an unreadable upload), so the preview link works.</summary>
    public required bool PreviewAvailable { get; init; }

    /// <summary>The public page's absolute URL once published; shown as a link only when it is http(s).</summary>
    public string? PublicUrl { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public DateTimeOffset? ScheduledPublishAt { get; init; }

    /// <summary>
    /// The year whose pre-filled Word template the page links (the next year once this report is published, else this
    /// year's, pre-filled from last year's); null when no template is offered for it.
    /// </summary>
    public int? TemplateYear { get; init; }

    /// <summary>The submission's ETag, posted back with every action as <see cref="StatusFormFields.ETag"/>; none when null.</summary>
    public string? ConcurrencyToken { get; init; }

    public bool CanApprove { get; init; }

    public bool CanReturn { get; init; }

    public bool CanWithdraw { get; init; }

    public bool CanPublish { get; init; }

    public bool CanAct => CanApprove || CanReturn || CanWithdraw || CanPublish;
}

/// <summary>One uploaded version: its number within the report, the file as given, and who sent it.</summary>
public sealed record SubmissionVersionFacts(
    int Number,
    string FileName,
    long Size,
    string Sha256,
    DateTimeOffset ReceivedAt,
    string SubmittedBy);

/// <summary>One line of the audit trail. <paramref name="From"/> is empty for the upload itself.</summary>
public sealed record StatusAuditEntry(DateTimeOffset At, string Actor, string From, string To, string Reason);

/// <summary>Another version of the same report, linked to its own status page.</summary>
public sealed record OtherVersionEntry(string SubmissionId, int Number, string State, DateTimeOffset ReceivedAt);

/// <summary>
/// One email about the version: what it is, to whom, when it left, and its status in Chinese (<see cref="DeliveryNames"/>).
/// <paramref name="StatusClass"/> is ok, pending or problem; <paramref name="Reason"/> may quote SendGrid (untrusted text).
/// </summary>
public sealed record StatusEmailEntry(
    string Kind,
    string KindName,
    IReadOnlyList<StatusEmailRecipient> Recipients,
    string Subject,
    DateTimeOffset? SentAt,
    string Status,
    string StatusClass,
    DateTimeOffset? StatusAt,
    string? Reason);

/// <summary>A recipient of an email and, once SendGrid reported it, what became of the email there.</summary>
public sealed record StatusEmailRecipient(string Address, string? Status);
