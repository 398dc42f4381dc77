using PublishPipeline.Notices;

namespace PublishPipeline.Pipeline;

/// <summary>What the publish stage is asked to do with a version's public page.</summary>
public enum PublishAction
{
    /// <summary>Render an approved version (when its scheduled time has come) and record it Published.</summary>
    Publish,

    /// <summary>Take a withdrawn version's page off the site, if it is still the live one.</summary>
    Unpublish,
}

/// <summary>Asks the publish stage to publish (or take down) one version.</summary>
public sealed record PublishMessage(string SubmissionId, PublishAction Action = PublishAction.Publish);

/// <summary>
/// Asks the notify stage to send one email (at most once). Submission emails name the version; deadline reminders
/// name the agency and report year; digests name the reviewer; alerts name the alert. <see cref="Key"/> makes a
/// reminder, digest or alert unique (its day, or the alert id). <see cref="Sequence"/> names the audit entry of the
/// change a submission email announces: the emails of one version go out in that order.
/// </summary>
public sealed record NoticeMessage(
    string? SubmissionId,
    string Kind,
    ValidationOutcome? Outcome = null,
    string? AgencyId = null,
    int? Year = null,
    string? Recipient = null,
    string? Key = null,
    int? Sequence = null,
    string? RegionId = null);
