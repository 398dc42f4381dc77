using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Notices;
using PublishPipeline.Pipeline.Alerts;
using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The notify stage: composes one email and sends it to the registered addresses its kind calls for (submitters,
/// reviewers, or the configured operators), never to an address from an upload. Each email is recorded Queued
/// before sending and Sent after, keyed by what it is about, so re-delivered messages send nothing twice and a
/// failing send stays queued for the retry and, at last, the poison queue.
/// </summary>
public sealed partial class NoticeHandler(
    PipelineStorage storage,
    SubmissionStore submissions,
    AgencyDirectory agencies,
    EmailComposer composer,
    EmailSender sender,
    AlertRecorder alerts,
    TimeProvider clock,
    IOptions<PipelineOptions> options,
    IOptions<DeadlineOptions> deadlines,
    ILogger<NoticeHandler> logger)
{
    /// <summary>How long one delivery may take to send an email before another may try (longer than SendGrid's retries).</summary>
    private static readonly TimeSpan SendLease = TimeSpan.FromMinutes(2);

    /// <summary>How long a notice waits, inside one delivery, for the state change queued just after it.</summary>
    private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(5);

    public async Task HandleAsync(NoticeMessage message, CancellationToken cancellationToken = default)
    {
        switch (message.Kind)
        {
            case NoticeKind.DeadlineReminder:
                await HandleReminderAsync(message, cancellationToken);
                return;
            case NoticeKind.ReviewDigest:
                await HandleDigestAsync(message, cancellationToken);
                return;
            case NoticeKind.OperatorAlert:
                await HandleAlertAsync(message, cancellationToken);
                return;
        }

        var submission = await SettledAsync(message, cancellationToken);
        if (submission is null)
        {
            return;
        }

        var agency = await agencies.GetAsync(submission.AgencyId, cancellationToken);
        var recipients = agency is null ? [] : RecipientsFor(message.Kind, agency);
        await SendOnceAsync(
            submission.Id,
            message.Kind,
            recipients,
            agency is null ? $"机关「{submission.AgencyId}」未登记" : "机关未登记收件人邮箱",
            () => ComposeAsync(message, submission, agency!, cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// The version once it is in the state the email is about. Emails are queued just before the change they
    /// announce is recorded, so a notice may arrive first: it waits briefly, then lets the queue retry. A notice
    /// whose change never happened (another reviewer acted first) is dropped.
    /// </summary>
    private async Task<Submission?> SettledAsync(NoticeMessage message, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var submission = message.SubmissionId is null ? null : await submissions.GetAsync(message.SubmissionId, cancellationToken);
            if (submission is null)
            {
                logger.LogWarning("Notice {Kind} for unknown submission {Submission}: ignored", message.Kind, message.SubmissionId);
                return null;
            }

            switch (Readiness(message.Kind, submission.CurrentState))
            {
                case NoticeReadiness.Ready:
                    return submission;
                case NoticeReadiness.Moot:
                    logger.LogInformation("Notice {Kind} for {Submission} is moot in state {State}: not sent", message.Kind, submission.Id, submission.State);
                    return null;
            }

            if (waited >= SettleWait)
            {
                throw new InvalidOperationException($"notice {message.Kind} for {submission.Id}: still {submission.State}, the change it announces is not recorded yet");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            waited += TimeSpan.FromMilliseconds(250);
        }
    }

    private enum NoticeReadiness
    {
        Ready,
        NotYet,
        Moot,
    }

    private static NoticeReadiness Readiness(string kind, SubmissionState state) => (kind, state) switch
    {
        // The validation result carries its own outcome: it is true whatever happened since.
        (NoticeKind.ValidationResult, _) => NoticeReadiness.Ready,
        (NoticeKind.ReviewRequest, SubmissionState.AwaitingReview) => NoticeReadiness.Ready,
        (NoticeKind.ReviewRequest, SubmissionState.Received) => NoticeReadiness.NotYet,
        (NoticeKind.Approved, SubmissionState.Approved or SubmissionState.Published) => NoticeReadiness.Ready,
        (NoticeKind.Approved, SubmissionState.AwaitingReview) => NoticeReadiness.NotYet,
        (NoticeKind.Returned, SubmissionState.NeedsChanges) => NoticeReadiness.Ready,
        (NoticeKind.Returned, SubmissionState.AwaitingReview or SubmissionState.Approved) => NoticeReadiness.NotYet,
        (NoticeKind.Withdrawn, SubmissionState.Withdrawn) => NoticeReadiness.Ready,
        (NoticeKind.Withdrawn, SubmissionState.Received or SubmissionState.NeedsChanges or SubmissionState.AwaitingReview or SubmissionState.Approved or SubmissionState.Published) => NoticeReadiness.NotYet,
        (NoticeKind.Published, SubmissionState.Published or SubmissionState.Superseded) => NoticeReadiness.Ready,
        (NoticeKind.Published, SubmissionState.Approved) => NoticeReadiness.NotYet,
        _ => NoticeReadiness.Moot,
    };

    private static IReadOnlyList<string> RecipientsFor(string kind, Agency agency) => kind switch
    {
        NoticeKind.ReviewRequest => agency.ReviewerEmails,
        NoticeKind.Withdrawn => agency.SubmitterEmails.Concat(agency.ReviewerEmails).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        _ => agency.SubmitterEmails,
    };

    /// <summary>Sends one email at most once: (partition, row) names it; Queued before SendGrid, Sent after.</summary>
    private async Task SendOnceAsync(
        string partition, string row, IReadOnlyList<string> recipients, string noRecipient, Func<Task<EmailContent>> compose, CancellationToken cancellationToken)
    {
        var existing = await storage.Notices.GetEntityIfExistsAsync<NoticeRecord>(partition, row, cancellationToken: cancellationToken);
        var record = existing.HasValue ? existing.Value! : new NoticeRecord { PartitionKey = partition, RowKey = row };
        if (record.Status is NoticeRecord.Sent or NoticeRecord.NoRecipient)
        {
            logger.LogInformation("Notice {Row} for {Partition} is already {Status}", row, partition, record.Status);
            return;
        }

        var now = clock.GetUtcNow();
        if (record.LeaseUntil > now)
        {
            // Another delivery of the same email is sending it; if it fails, its own message is retried.
            logger.LogInformation("Notice {Row} for {Partition} is being sent by another delivery", row, partition);
            return;
        }

        if (recipients.Count == 0)
        {
            record.Status = NoticeRecord.NoRecipient;
            record.LastError = noRecipient;
            await storage.Notices.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);
            logger.LogWarning("Notice {Row} for {Partition}: no registered recipient, not sent", row, partition);
            return;
        }

        var content = await compose();
        record.Status = NoticeRecord.Queued;
        record.To = string.Join(";", recipients);
        record.Subject = content.Subject;
        record.Attempts++;
        record.LeaseUntil = now + SendLease;
        if (!await TryClaimAsync(record, existing.HasValue, cancellationToken))
        {
            logger.LogInformation("Notice {Row} for {Partition} was claimed by another delivery", row, partition);
            return;
        }

        try
        {
            var status = await sender.SendAsync(recipients, content, $"{partition}/{row}", cancellationToken);
            record.Status = NoticeRecord.Sent;
            record.LastStatusCode = (int)status;
            record.LastError = null;
            record.SentAt = clock.GetUtcNow();
            record.LeaseUntil = null;
        }
        catch (Exception e) when (e is EmailNotAcceptedException or HttpRequestException or TaskCanceledException)
        {
            record.LastError = e.Message;
            record.LastStatusCode = e is EmailNotAcceptedException rejected ? (int)rejected.Status : null;
            record.LeaseUntil = null;
            await storage.Notices.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);
            throw;
        }

        await storage.Notices.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);
        logger.LogInformation("Notice {Row} for {Partition} sent to {Count} recipient(s)", row, partition, recipients.Count);
    }

    /// <summary>Writes the Queued record only if nobody else wrote it since it was read (insert, or replace under its ETag).</summary>
    private async Task<bool> TryClaimAsync(NoticeRecord record, bool existed, CancellationToken cancellationToken)
    {
        try
        {
            var response = existed
                ? await storage.Notices.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken)
                : await storage.Notices.AddEntityAsync(record, cancellationToken);
            record.ETag = response.Headers.ETag ?? record.ETag;
            return true;
        }
        catch (Azure.RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    private async Task<EmailContent> ComposeAsync(NoticeMessage message, Submission submission, Agency agency, CancellationToken cancellationToken)
    {
        var document = await storage.LoadReportDocumentAsync(submission.Id, cancellationToken);
        switch (message.Kind)
        {
            case NoticeKind.ValidationResult:
                var outcome = message.Outcome ?? OutcomeOf(submission);

                // The report is the one submitted for its year (the year of its page), whatever year the draft states (A8).
                return await composer.ComposeValidationResultAsync(new ValidationNotice(
                    submission.Id,
                    agency.Name,
                    submission.Year == 0 ? document?.Report.Year : submission.Year,
                    submission.FileName,
                    submission.ReceivedAt,
                    outcome,
                    document?.Findings ?? [],
                    options.Value.SubmissionStatusUrl(submission.Id),
                    outcome == ValidationOutcome.Accepted && !agency.AutoPublish));
            case NoticeKind.Published:
                // A version owns the page of the (agency, year) it was submitted for.
                var year = submission.Year;
                var replaced = (await submissions.ListVersionsAsync(submission.Report, cancellationToken))
                    .LastOrDefault(v => v.SupersededBy == submission.Version && v.PublishedAt is not null);
                return await composer.ComposePublishedAsync(new PublishedNotice(
                    submission.Id,
                    agency.Name,
                    year,
                    document?.Report.Title ?? $"{year}年{agency.Name}政府信息公开工作年度报告",
                    options.Value.ReportPageUrl(year, agency.Id),
                    document?.Summary.Warnings ?? 0,
                    replaced?.Version));
            case NoticeKind.ReviewRequest:
                return await composer.ComposeReviewRequestAsync(new ReviewRequestNotice(
                    submission.Id,
                    agency.Name,
                    submission.Year,
                    submission.Version,
                    submission.FileName,
                    submission.SubmittedBy,
                    submission.ReceivedAt,
                    document?.Findings ?? [],
                    options.Value.SubmissionPreviewUrl(submission.Id),
                    options.Value.SubmissionStatusUrl(submission.Id)));
            case NoticeKind.Returned:
                return await composer.ComposeReturnedAsync(new ReturnedNotice(
                    submission.Id,
                    agency.Name,
                    submission.Year,
                    submission.Version,
                    submission.ReviewedBy ?? "",
                    submission.UpdatedAt,
                    submission.Comments ?? "",
                    options.Value.SubmissionStatusUrl(submission.Id)));
            case NoticeKind.Approved:
                var approval = (await submissions.GetAuditTrailAsync(submission.Id, cancellationToken)).LastOrDefault(a => a.To == nameof(SubmissionState.Approved));
                return await composer.ComposeApprovedAsync(new ApprovedNotice(
                    submission.Id,
                    agency.Name,
                    submission.Year,
                    submission.Version,
                    submission.ReviewedBy ?? approval?.Actor ?? "",
                    approval?.At ?? submission.UpdatedAt,
                    submission.PublishAt is { } at && at > (approval?.At ?? submission.UpdatedAt) ? at : null,
                    options.Value.SubmissionStatusUrl(submission.Id)));
            case NoticeKind.Withdrawn:
                var withdrawal = (await submissions.GetAuditTrailAsync(submission.Id, cancellationToken)).LastOrDefault(a => a.To == nameof(SubmissionState.Withdrawn));
                return await composer.ComposeWithdrawnAsync(new WithdrawnNotice(
                    submission.Id,
                    agency.Name,
                    submission.Year,
                    submission.Version,
                    withdrawal?.Actor ?? "",
                    withdrawal?.At ?? submission.UpdatedAt,
                    submission.Comments ?? "",
                    withdrawal?.From == nameof(SubmissionState.Published),
                    options.Value.SubmissionStatusUrl(submission.Id)));
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
