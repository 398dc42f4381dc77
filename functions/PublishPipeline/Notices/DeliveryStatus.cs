namespace PublishPipeline.Notices;

/// <summary>
/// What SendGrid's Event Webhook says became of an email at one recipient, as the status page shows it. The rank
/// orders events that share a timestamp (SendGrid's are whole seconds): processed, then deferred, delivered, opened,
/// then the outcomes that end the story (bounce, drop, spam report).
/// </summary>
public static class DeliveryStatus
{
    public const string Processed = "Processed";
    public const string Deferred = "Deferred";
    public const string Delivered = "Delivered";
    public const string Opened = "Opened";
    public const string Bounced = "Bounced";
    public const string Dropped = "Dropped";
    public const string SpamReport = "SpamReport";

    /// <summary>The status an Event Webhook event type reports, or null for events that say nothing about delivery (unsubscribe…) or that we do not know.</summary>
    public static string? FromEvent(string? eventType) => eventType switch
    {
        "processed" => Processed,
        "deferred" => Deferred,
        "delivered" => Delivered,
        "open" or "click" => Opened,
        "bounce" or "blocked" => Bounced,
        "dropped" => Dropped,
        "spamreport" => SpamReport,
        _ => null,
    };

    /// <summary>True for a status that means the email did not (or no longer may) reach the recipient's inbox.</summary>
    public static bool IsProblem(string? status) => status is Bounced or Dropped or SpamReport;

    public static int Rank(string? status) => status switch
    {
        Processed => 1,
        Deferred => 2,
        Delivered => 3,
        Opened => 4,
        Bounced or Dropped => 5,
        SpamReport => 6,
        _ => 0,
    };

    /// <summary>
    /// One status for the whole email: a problem at any recipient first (the one someone must act on), otherwise the
    /// least advanced recipient (the email is delivered when it is delivered to everyone).
    /// </summary>
    public static RecipientDelivery? Summary(IReadOnlyCollection<RecipientDelivery> recipients)
    {
        var problem = recipients.Where(r => IsProblem(r.Status)).OrderByDescending(r => Rank(r.Status)).ThenByDescending(r => r.At).FirstOrDefault();
        return problem ?? recipients.OrderBy(r => Rank(r.Status)).ThenByDescending(r => r.At).FirstOrDefault();
    }
}

/// <summary>The latest event SendGrid reported for one recipient of an email. <paramref name="Reason"/> is SendGrid's text, untrusted.</summary>
public sealed record RecipientDelivery(string To, string Status, DateTimeOffset At, string? Reason)
{
    /// <summary>True when this event should replace <paramref name="current"/>: later, or at the same second and further along.</summary>
    public bool Supersedes(RecipientDelivery? current) =>
        current is null
        || At > current.At
        || (At == current.At && DeliveryStatus.Rank(Status) > DeliveryStatus.Rank(current.Status));
}
