namespace PublishPipeline.Pipeline;

/// <summary>
/// Blob metadata written by the API on upload. Metadata must be ASCII, so the original (often Chinese) file name
/// is stored URL-encoded.
/// </summary>
public static class DraftMetadata
{
    public const string FileNameKey = "filename";

    public const string SubmittedByKey = "submittedby";

    public static Dictionary<string, string> Create(string fileName, string submittedBy) => new()
    {
        [FileNameKey] = Uri.EscapeDataString(fileName),
        [SubmittedByKey] = Uri.EscapeDataString(submittedBy),
    };

    public static string? OriginalFileName(IDictionary<string, string> metadata) => Read(metadata, FileNameKey);

    public static string? SubmittedBy(IDictionary<string, string> metadata) => Read(metadata, SubmittedByKey);

    private static string? Read(IDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? Uri.UnescapeDataString(value) : null;
}
