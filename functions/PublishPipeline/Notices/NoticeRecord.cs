using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Notices;

/// <summary>
/// What became of one email (partition = submission id, row = notice kind): Queued until SendGrid accepts it,
/// then Sent, so a re-delivered message never sends it twice and an email is always either sent, queued or Failed
/// (SendGrid refused it for good). After it is sent, SendGrid's Event Webhook reports what became of it at each
/// recipient (<see cref="Deliveries"/>); <see cref="DeliveryStatus"/> sums that up.
/// </summary>
public sealed class NoticeRecord : ITableEntity
{
    public const string Queued = "Queued";

    public const string Sent = "Sent";

    /// <summary>The agency has no registered contact: nothing may be sent.</summary>
    public const string NoRecipient = "NoRecipient";

    /// <summary>SendGrid refused the email with an answer no retry changes (400, 401, 403…): not sent, alerted, never retried.</summary>
    public const string Failed = "Failed";

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

    /// <summary>The summed-up delivery status (a <see cref="Notices.DeliveryStatus"/> name), from the Event Webhook; null until an event came.</summary>
    public string? DeliveryStatus { get; set; }

    /// <summary>When the event behind <see cref="DeliveryStatus"/> happened, as SendGrid timed it.</summary>
    public DateTimeOffset? DeliveryAt { get; set; }

    /// <summary>SendGrid's reason for a bounce, drop or deferral, as it gave it (untrusted text).</summary>
    public string? DeliveryReason { get; set; }

    /// <summary>The latest event per recipient, as JSON (see <see cref="RecipientDeliveries"/>).</summary>
    public string? Deliveries { get; set; }
}
