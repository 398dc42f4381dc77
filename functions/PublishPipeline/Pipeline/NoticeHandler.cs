using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Notices;
using PublishPipeline.Reports;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The notify stage: composes one email and sends it to the agency's registered submitters, never to an address
/// from the upload. Each (submission, kind) is recorded Queued before sending and Sent after, so re-delivered
/// messages send nothing twice and a failing send stays queued for the retry and, at last, the poison queue.
/// </summary>
public sealed class NoticeHandler(
    PipelineStorage storage,
    SubmissionStore submissions,
    AgencyDirectory agencies,
    EmailComposer composer,
    EmailSender sender,
    TimeProvider clock,
    IOptions<PipelineOptions> options,
    ILogger<NoticeHandler> logger)
{
    public async Task HandleAsync(NoticeMessage message, CancellationToken cancellationToken = default)
    {
        var submission = await submissions.GetAsync(message.SubmissionId, cancellationToken);
        if (submission is null)
        {
            logger.LogWarning("Notice {Kind} for unknown submission {Submission}: ignored", message.Kind, message.SubmissionId);
            return;
        }

        var existing = await storage.Notices.GetEntityIfExistsAsync<NoticeRecord>(submission.Id, message.Kind, cancellationToken: cancellationToken);
        var record = existing.HasValue ? existing.Value! : new NoticeRecord { PartitionKey = submission.Id, RowKey = message.Kind };
        if (record.Status is NoticeRecord.Sent or NoticeRecord.NoRecipient)
        {
            logger.LogInformation("Notice {Kind} for {Submission} is already {Status}", message.Kind, submission.Id, record.Status);
            return;
        }

        var agency = await agencies.GetAsync(submission.AgencyId, cancellationToken);
        var recipients = agency?.SubmitterEmails ?? [];
        if (recipients.Count == 0)
        {
            record.Status = NoticeRecord.NoRecipient;
            record.LastError = agency is null ? $"机关「{submission.AgencyId}」未登记" : "机关未登记报送人邮箱";
            await storage.Notices.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);
            logger.LogWarning("Notice {Kind} for {Submission}: no registered recipient, not sent", message.Kind, submission.Id);
            return;
        }

        var content = await ComposeAsync(message, submission, agency!, cancellationToken);
        record.Status = NoticeRecord.Queued;
        record.To = string.Join(";", recipients);
        record.Subject = content.Subject;
        record.Attempts++;
        await storage.Notices.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);
        try
        {
            var status = await sender.SendAsync(recipients, content, $"{submission.Id}/{message.Kind}", cancellationToken);
            record.Status = NoticeRecord.Sent;
            record.LastStatusCode = (int)status;
            record.LastError = null;
            record.SentAt = clock.GetUtcNow();
        }
        catch (Exception e) when (e is EmailNotAcceptedException or HttpRequestException or TaskCanceledException)
        {
            record.LastError = e.Message;
            record.LastStatusCode = e is EmailNotAcceptedException rejected ? (int)rejected.Status : null;
            await storage.Notices.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);
            throw;
        }

        await storage.Notices.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);
        logger.LogInformation("Notice {Kind} for {Submission} sent to {Count} recipient(s)", message.Kind, submission.Id, recipients.Count);
    }

    private async Task<EmailContent> ComposeAsync(NoticeMessage message, Submission submission, Agency agency, CancellationToken cancellationToken)
    {
        var document = await storage.LoadReportDocumentAsync(submission.Id, cancellationToken);
        switch (message.Kind)
        {
            case NoticeKind.ValidationResult:
                var outcome = message.Outcome ?? OutcomeOf(submission);
                return await composer.ComposeValidationResultAsync(new ValidationNotice(
                    submission.Id,
                    agency.Name,
                    document?.Report.Year ?? (submission.Year == 0 ? null : submission.Year),
                    submission.FileName,
                    submission.ReceivedAt,
                    outcome,
                    document?.Findings ?? [],
                    options.Value.SubmissionStatusUrl(submission.Id)));
            case NoticeKind.Published:
                var year = document?.Report.Year ?? submission.Year;
                return await composer.ComposePublishedAsync(new PublishedNotice(
                    submission.Id,
                    agency.Name,
                    year,
                    document?.Report.Title ?? $"{year}年{agency.Name}政府信息公开工作年度报告",
                    options.Value.ReportPageUrl(year, agency.Id),
                    document?.Summary.Warnings ?? 0));
            default:
                throw new InvalidOperationException($"unknown notice kind '{message.Kind}'");
        }
    }

    private static ValidationOutcome OutcomeOf(Submission submission) => submission.CurrentState switch
    {
        SubmissionState.Rejected => ValidationOutcome.Rejected,
        SubmissionState.NeedsChanges => ValidationOutcome.NeedsChanges,
        _ => ValidationOutcome.Accepted,
    };
}
