namespace PublishPipeline.Notices;

/// <summary>
/// To one reviewer: the reports awaiting their review as of <paramref name="AsOf"/>. The email lists them oldest first
/// and counts the waiting days in Beijing calendar days from <paramref name="AsOf"/>.
/// </summary>
public sealed record ReviewDigestNotice(DateTimeOffset AsOf, IReadOnlyList<ReviewDigestItem> Items);
