using System.Globalization;
using PublishPipeline.Notices;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>The emails about one submission as its status page lists them: its partition of the notices table.</summary>
public static class SubmissionEmails
{
    public static async Task<IReadOnlyList<StatusEmailEntry>> ForStatusPageAsync(PipelineStorage storage, string submissionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var records = new List<NoticeRecord>();
        await foreach (var record in storage.Notices.QueryAsync<NoticeRecord>(r => r.PartitionKey == submissionId, cancellationToken: cancellationToken))
        {
            records.Add(record);
        }

        return From(records);
    }

    /// <summary>One line per email, in the order they went out (those not sent yet last).</summary>
    public static IReadOnlyList<StatusEmailEntry> From(IEnumerable<NoticeRecord> records) =>
        records
            .OrderBy(r => r.SentAt ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.Timestamp ?? DateTimeOffset.MaxValue)
            .Select(From)
            .ToList();

    public static StatusEmailEntry From(NoticeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var perRecipient = RecipientDeliveries.Read(record).ToDictionary(d => d.To, StringComparer.OrdinalIgnoreCase);
        var recipients = record.To.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(to => new StatusEmailRecipient(to, perRecipient.GetValueOrDefault(to) is { } d ? DeliveryNames.Delivery(d.Status) : null))
            .ToList();
        var sent = record.Status == NoticeRecord.Sent;
        return new StatusEmailEntry(
            record.RowKey,
            DeliveryNames.Kind(record.RowKey),
            recipients,
            record.Subject,
            record.SentAt,
            DeliveryNames.Status(record.Status, record.DeliveryStatus, record.Attempts, record.LastError is not null),
            DeliveryNames.StatusClass(record.Status, record.DeliveryStatus),

            // Events can be recorded before the Sent write (SendGrid's "processed" may come first); they are shown once it is sent.
            sent ? record.DeliveryAt : null,
            record.Status switch
            {
                NoticeRecord.Failed => $"SendGrid 拒绝发送（{record.LastStatusCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}），不会自动重试",
                NoticeRecord.NoRecipient => record.LastError,
                NoticeRecord.Sent => record.DeliveryReason,
                _ => null,
            });
    }
}
