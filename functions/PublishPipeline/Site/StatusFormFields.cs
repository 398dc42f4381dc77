namespace PublishPipeline.Site;

/// <summary>
/// The names of the fields the status page's action forms post (application/x-www-form-urlencoded), so the API reads
/// the same names the page writes.
/// </summary>
public static class StatusFormFields
{
    /// <summary>The reviewer's comments on a return (required on the form).</summary>
    public const string Comments = "comments";

    /// <summary>Why the submission is withdrawn (required on the form).</summary>
    public const string Reason = "reason";

    /// <summary>
    /// Optional scheduled publication time from a <c>datetime-local</c> input: "yyyy-MM-ddTHH:mm" with no offset,
    /// entered and meant as Beijing time (UTC+8). Empty means publish now.
    /// </summary>
    public const string PublishAt = "publishAt";

    /// <summary>The submission's ETag when the page was rendered, so an action taken on a stale page fails instead of overriding a newer state.</summary>
    public const string ETag = "etag";
}
