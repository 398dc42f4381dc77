using System.Globalization;

namespace PublishPipeline.Pipeline;

/// <summary>A draft's blob name inside the drafts container: <c>{agency}/{year}/{file}</c>.</summary>
public sealed record DraftBlobName(string Agency, string YearText, string File)
{
    public int? Year => int.TryParse(YearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100 ? year : null;

    public static DraftBlobName Parse(string blobName)
    {
        var parts = blobName.Split('/', 3);
        return parts.Length == 3 ? new DraftBlobName(parts[0], parts[1], parts[2]) : new DraftBlobName("", "", blobName);
    }

    /// <summary>
    /// The blob name of a version uploaded through the API: one blob per version, never overwritten, and the same
    /// bytes re-sent for the same version land on the same name.
    /// </summary>
    public static string ForUpload(string agency, int year, int version, string sha256Hex, string fileName) =>
        string.Create(CultureInfo.InvariantCulture, $"{agency}/{year}/v{version}-{sha256Hex[..12]}-{SafeFileName(fileName)}");

    /// <summary>The version an API upload's file name was made for (<c>v3-…</c>), or null for a draft named otherwise.</summary>
    public int? UploadVersion =>
        File.Length > 2 && File[0] == 'v' && File.IndexOf('-', StringComparison.Ordinal) is > 1 and var dash
        && int.TryParse(File.AsSpan(1, dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : null;

    /// <summary>The file name without any directory part or control characters, never empty.</summary>
    public static string SafeFileName(string fileName)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length > 120)
        {
            name = name[^120..];
        }

        return name.Length == 0 || name is "." or ".." ? "draft" : name;
    }
}
