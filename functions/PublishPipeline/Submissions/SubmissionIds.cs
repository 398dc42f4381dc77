using System.Security.Cryptography;
using System.Text;

namespace PublishPipeline.Submissions;

/// <summary>
/// Submission ids are derived from the draft blob's name and the SHA-256 of its bytes, so the same upload always
/// gets the same id: a re-delivered blob event or a retried request finds the record it already made.
/// </summary>
public static class SubmissionIds
{
    private const int Length = 24;

    public static string For(string draftBlobName, string sha256Hex)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(draftBlobName + "\n" + sha256Hex));
        return Convert.ToHexStringLower(bytes)[..Length];
    }

    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
