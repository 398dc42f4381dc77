namespace PublishPipeline.Reading;

/// <summary>Limits on what <see cref="DraftReader"/> accepts, so a hostile upload costs bounded time and memory.</summary>
public sealed class DraftReaderOptions
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>Larger files are refused before they are decoded (A0). A real report is well under 1 MB of text.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;
}
