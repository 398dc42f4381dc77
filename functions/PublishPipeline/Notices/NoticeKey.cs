namespace PublishPipeline.Notices;

/// <summary>
/// The name of one email, <c>{partition}/{row}</c> of its <see cref="NoticeRecord"/> (a submission id and the notice
/// kind, or "~kind" and the key of a reminder, digest or alert). It goes to SendGrid as the custom arg
/// <see cref="CustomArg"/> and comes back in every Event Webhook event. Table keys never contain '/', so the first
/// '/' splits it unambiguously.
/// </summary>
public static class NoticeKey
{
    public const string CustomArg = "notice";

    public static string Format(string partition, string row) => partition + "/" + row;

    /// <summary>The record's keys, or null for text that cannot name one (no '/', an empty part, a character tables forbid).</summary>
    public static (string Partition, string Row)? Parse(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 1024)
        {
            return null;
        }

        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            return null;
        }

        var (partition, row) = (key[..slash], key[(slash + 1)..]);
        return IsTableKey(partition) && IsTableKey(row) ? (partition, row) : null;
    }

    private static bool IsTableKey(string value) =>
        !value.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
}
