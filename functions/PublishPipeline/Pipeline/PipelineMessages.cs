using PublishPipeline.Notices;

namespace PublishPipeline.Pipeline;

/// <summary>Asks the publish stage to render and publish an approved submission.</summary>
public sealed record PublishMessage(string SubmissionId);

/// <summary>Asks the notify stage to send one email of a kind about a submission (at most once).</summary>
public sealed record NoticeMessage(string SubmissionId, string Kind, ValidationOutcome? Outcome = null);
