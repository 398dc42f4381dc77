namespace PublishPipeline.Site.OpenData;

/// <summary>One page in a sitemap: its URL path (raw, leading slash, as <see cref="SitePaths"/> gives it) and when its content last changed.</summary>
public sealed record SitemapUrl(string UrlPath, DateTimeOffset? LastModified);
