using System.Text.Json;

namespace PublishPipeline.Notices;

/// <summary>Reads and updates a <see cref="NoticeRecord"/>'s per-recipient delivery events (<see cref="NoticeRecord.Deliveries"/>).</summary>
public static class RecipientDeliveries
{
    /// <summary>SendGrid's reasons can be long SMTP transcripts; the page needs the gist.</summary>
    public const int MaxReasonLength = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<RecipientDelivery> Read(NoticeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrEmpty(record.Deliveries))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<RecipientDelivery>>(record.Deliveries, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// Applies events (in any order, repeated or not) to the record: each recipient keeps its latest event, so an
    /// event older than what is recorded changes nothing. Returns whether anything changed.
    /// </summary>
    public static bool Apply(NoticeRecord record, IEnumerable<RecipientDelivery> events)
    {
        ArgumentNullException.ThrowIfNull(record);
        var byRecipient = Read(record).ToDictionary(d => d.To, StringComparer.OrdinalIgnoreCase);
        var changed = false;
        foreach (var e in events)
        {
            var delivery = e with { To = e.To.Trim().ToLowerInvariant(), Reason = Shorten(e.Reason) };
            if (delivery.Supersedes(byRecipient.GetValueOrDefault(delivery.To)))
            {
                byRecipient[delivery.To] = delivery;
                changed = true;
            }
        }

        if (!changed)
        {
            return false;
        }

        var all = byRecipient.Values.OrderBy(d => d.To, StringComparer.Ordinal).ToList();
        var summary = DeliveryStatus.Summary(all)!;
        record.Deliveries = JsonSerializer.Serialize(all, Json);
        record.DeliveryStatus = summary.Status;
        record.DeliveryAt = summary.At;
        record.DeliveryReason = summary.Reason;
        return true;
    }

    private static string? Shorten(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? null
        : reason.Length <= MaxReasonLength ? reason.Trim()
        : reason[..(char.IsHighSurrogate(reason[MaxReasonLength - 1]) ? MaxReasonLength - 1 : MaxReasonLength)] + "…";
}
