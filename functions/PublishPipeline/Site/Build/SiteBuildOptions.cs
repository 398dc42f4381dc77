namespace PublishPipeline.Site.Build;

/// <summary>How <see cref="FolderSiteBuilder"/> builds a site from a folder of reports.</summary>
public sealed record SiteBuildOptions
{
    /// <summary>The local dev host's address: where a built site is served unless told otherwise.</summary>
    public static Uri DefaultBaseUrl { get; } = new("http://127.0.0.1:7080/");

    /// <summary>The agency directory: ids, names, regions and levels; region pages come from it.</summary>
    public SiteDirectory Directory { get; init; } = SiteDirectory.Empty;

    /// <summary>The site's absolute address, for the feed, sitemaps and robots.txt.</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>
    /// The HTTP API's address, when the built site is served beside one: report pages then link the agency's pre-filled
    /// template for the next year there, as the live site's do. None by default (a site built from files has no API).
    /// </summary>
    public Uri? ApiBaseUrl { get; init; }

    /// <summary>How many files are read, checked and rendered at once.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Counters a caller may read while the build runs (a progress line on the console).</summary>
    public SiteBuildProgress? Progress { get; init; }

    /// <summary>Called with each input left out (path and why), in path order, as soon as it is known.</summary>
    public Action<LeftOutInput>? LeftOut { get; init; }
}
