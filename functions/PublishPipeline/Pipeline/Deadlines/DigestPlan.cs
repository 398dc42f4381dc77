namespace PublishPipeline.Pipeline.Deadlines;

/// <summary>Today's digests, and what no reviewer will hear about.</summary>
/// <param name="Digests">Ordered by reviewer email.</param>
/// <param name="Unrouted">Pending reports whose agency is not in the directory or has no reviewer: an operator must act.</param>
public sealed record DigestPlan(IReadOnlyList<ReviewerDigest> Digests, IReadOnlyList<PendingReview> Unrouted);
