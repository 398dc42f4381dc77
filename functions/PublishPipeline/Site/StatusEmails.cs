using PublishPipeline.Notices;

namespace PublishPipeline.Site;

/// <summary>The status page's lines for a submission's emails, from their records.</summary>
public static class StatusEmails
{
    /// <summary>One line per email, in the order they were first queued.</summary>
    public static IReadOnlyList<StatusEmailEntry> From(IEnumerable<NoticeRecord> records) =>
        records
            .OrderBy(r => r.SentAt ?? r.Timestamp ?? DateTimeOffset.MaxValue)
            .Select(From)
            .ToList();

    public static StatusEmailEntry From(NoticeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var perRecipient = RecipientDeliveries.Read(record).ToDictionary(d => d.To, StringComparer.OrdinalIgnoreCase);
        var recipients = record.To.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(to => new StatusEmailRecipient(to, perRecipient.GetValueOrDefault(to) is { } d ? DeliveryNames.Delivery(d.Status) : null))
            .ToList();
        return new StatusEmailEntry(
            record.RowKey,
            DeliveryNames.Kind(record.RowKey),
            recipients,
            record.Subject,
            record.SentAt,
            DeliveryNames.Status(record),
            DeliveryNames.StatusClass(record),
            record.Status == NoticeRecord.Sent ? record.DeliveryAt : null,
            DeliveryNames.Reason(record));
    }
}
