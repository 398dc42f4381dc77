namespace PublishPipeline.Site.Model;

/// <summary>
/// A version of a report that was public before the live one (a correction replaced it). Its page stays reachable at
/// <see cref="SitePaths.VersionUrl"/>.
/// </summary>
public sealed record EarlierVersion(int Version, DateTimeOffset PublishedAt, DateTimeOffset ReplacedAt);
