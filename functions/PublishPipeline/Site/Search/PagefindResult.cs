namespace PublishPipeline.Site.Search;

/// <summary>What one Pagefind run did: pages it put in the index, files of the bundle it wrote, and how long it took.</summary>
public sealed record PagefindResult(int PagesIndexed, int FilesWritten, TimeSpan Elapsed, string BundleDirectory);
