using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Calendar;
using PublishPipeline.Notices;
using PublishPipeline.Rendering;
using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline.Alerts;

/// <summary>
/// Records operator alerts and, when operator addresses are configured, queues one email per alert. The alert id
/// derives from what failed, so the same poison message handled twice records one alert and sends one email.
/// </summary>
public sealed class AlertRecorder(PipelineStorage storage, MessageQueue queue, TimeProvider clock, IOptions<PipelineOptions> options, ILogger<AlertRecorder> logger)
{
    /// <param name="email">False to keep the alert out of the operators' mailbox (an alert about that email itself).</param>
    public async Task<OperatorAlert> RecordAsync(
        string stage, string? submissionId, string? agencyId, string summary, string payload, CancellationToken cancellationToken = default, bool email = true)
    {
        var now = clock.GetUtcNow();
        var alert = new OperatorAlert
        {
            PartitionKey = ChinaTime.ToChina(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            RowKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stage + "\n" + payload)))[..24],
            Stage = stage,
            SubmissionId = submissionId,
            AgencyId = agencyId,
            Summary = summary,
            Payload = payload.Length > 30000 ? payload[..30000] : payload,
            At = now,
        };
        await storage.Alerts.UpsertEntityAsync(alert, TableUpdateMode.Replace, cancellationToken);
        logger.LogError("Operator alert {Alert} ({Stage}, submission {Submission}): {Summary}", alert.Id, stage, submissionId, summary);
        if (email && !string.IsNullOrWhiteSpace(options.Value.OperatorEmails) && stage != "notify")
        {
            // A failing notify stage would fail this email too: that alert stays in the table and the log.
            await queue.SendNoticeAsync(new NoticeMessage(submissionId, NoticeKind.OperatorAlert, Key: alert.PartitionKey + "/" + alert.RowKey), cancellationToken);
        }

        return alert;
    }

    /// <summary>Every alert of the last <paramref name="days"/> Beijing days, newest first.</summary>
    public async Task<IReadOnlyList<OperatorAlert>> ListRecentAsync(int days, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.ToChina(clock.GetUtcNow());
        var oldest = today.AddDays(-days + 1).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var alerts = new List<OperatorAlert>();
        await foreach (var alert in storage.Alerts.QueryAsync<OperatorAlert>(a => a.PartitionKey.CompareTo(oldest) >= 0, cancellationToken: cancellationToken))
        {
            alerts.Add(alert);
        }

        return alerts.OrderByDescending(a => a.At).ToList();
    }

    /// <summary>Marks the open alerts about a submission resolved by <paramref name="by"/>; returns how many.</summary>
    public async Task<int> ResolveAsync(string submissionId, string by, CancellationToken cancellationToken = default)
    {
        var resolved = 0;
        await foreach (var alert in storage.Alerts.QueryAsync<OperatorAlert>(a => a.SubmissionId == submissionId, cancellationToken: cancellationToken))
        {
            if (alert.ResolvedAt is not null)
            {
                continue;
            }

            alert.ResolvedAt = clock.GetUtcNow();
            alert.ResolvedBy = by;
            await storage.Alerts.UpdateEntityAsync(alert, alert.ETag, TableUpdateMode.Replace, cancellationToken);
            resolved++;
        }

        return resolved;
    }

    public async Task<OperatorAlert?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var parts = key.Split('/', 2);
        if (parts.Length != 2)
        {
            return null;
        }

        var alert = await storage.Alerts.GetEntityIfExistsAsync<OperatorAlert>(parts[0], parts[1], cancellationToken: cancellationToken);
        return alert.HasValue ? alert.Value : null;
    }
}
