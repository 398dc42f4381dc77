using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Notices;

/// <summary>
/// What became of one email (partition = submission id, row = notice kind): Queued until SendGrid accepts it,
/// then Sent, so a re-delivered message never sends it twice and an email is always either sent or queued.
/// </summary>
public sealed class NoticeRecord : ITableEntity
{
    public const string Queued = "Queued";

    public const string Sent = "Sent";

    /// <summary>The agency has no registered contact: nothing may be sent.</summary>
    public const string NoRecipient = "NoRecipient";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Status { get; set; } = Queued;

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public int Attempts { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>
    /// While one delivery is sending, others leave the email alone until this time: two copies of a message
    /// (a reviewer's double click, a re-delivered event) never send it twice. Cleared when the send fails.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}
