namespace PublishPipeline.Site.Build;

/// <summary>
/// Where a build writes the site's files: a folder (<see cref="DirectoryOutput"/>), or a store the pipeline provides.
/// Called concurrently from several threads; each path is written once per build.
/// </summary>
public interface ISiteOutput
{
    /// <summary>Writes (or replaces) the file at <paramref name="path"/> (a <see cref="SitePaths"/> path).</summary>
    void Write(string path, ReadOnlySpan<byte> content, string contentType);
}
