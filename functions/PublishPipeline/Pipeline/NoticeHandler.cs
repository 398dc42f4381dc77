using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Notices;
using PublishPipeline.Pipeline.Alerts;
using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Pipeline.Outbox;
using PublishPipeline.Reports;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The notify stage: composes one email and sends it to the registered addresses its kind calls for (submitters,
/// reviewers, or the configured operators), never to an address from an upload. Each email is recorded Queued
/// before sending and Sent after, keyed by what it is about, so re-delivered messages send nothing twice and a
/// failing send stays queued for the retry and, at last, the poison queue. Submission emails are sent only after the
/// change they announce committed (the report's outbox), and those of one version in the order of its audit trail.
/// </summary>
public sealed partial class NoticeHandler(
    PipelineStorage storage,
    SubmissionStore submissions,
    AgencyDirectory agencies,
    RegionDirectory regions,
    Supervision.RegionBoards boards,
    EmailComposer composer,
    EmailSender sender,
    AlertRecorder alerts,
    MessageQueue queue,
    TimeProvider clock,
    IOptions<PipelineOptions> options,
    IOptions<DeadlineOptions> deadlines,
    PipelineMetrics metrics,
    ILogger<NoticeHandler> logger)
{
    /// <summary>How long one delivery may take to send an email before another may try (longer than <see cref="EmailResilience.TotalTimeout"/>).</summary>
    private static readonly TimeSpan SendLease = TimeSpan.FromMinutes(2);

    /// <summary>How long a message waits before it looks again at an email another delivery is sending (its own, or an earlier one of its version).</summary>
    private static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(10);

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
            case NoticeKind.SupervisorDigest:
                await HandleSupervisorDigestAsync(message, cancellationToken);
                return;
        }

        // Sent only after the change it announces committed (the report's outbox): the version is in that state
        // or has moved on, and the email is about the change, not about the state now.
        var submission = message.SubmissionId is null ? null : await submissions.GetAsync(message.SubmissionId, cancellationToken);
        if (submission is null)
        {
            logger.LogWarning("Notice {Kind} for unknown submission {Submission}: ignored", message.Kind, message.SubmissionId);
            metrics.Handled("notify", "ignored", message.SubmissionId);
            return;
        }

        var agency = await agencies.GetAsync(submission.AgencyId, cancellationToken);
        if (message.Sequence is { } sequence)
        {
            // The emails of one version go out in the order of its audit trail: one still unsent from an earlier
            // change (its own delivery is late, or failed and waits for a retry) is sent first.
            foreach (var earlier in await EarlierNoticesAsync(submission, sequence, cancellationToken))
            {
                if (await SendAboutAsync(earlier, submission, agency, cancellationToken) == Delivery.BeingSentElsewhere)
                {
                    // The earlier email is being sent (and perhaps retried through a SendGrid outage): this one comes
                    // back once that delivery's lease ends, as a new message, so waiting uses none of its deliveries
                    // and a long outage does not push it into the poison queue.
                    logger.LogInformation("Notice {Kind} for {Submission} waits for the earlier {Earlier}, which another delivery is sending", message.Kind, submission.Id, earlier.Kind);
                    await FinishAsync(message, Delivery.BeingSentElsewhere, submission.Id, cancellationToken);
                    return;
                }
            }
        }

        var delivery = await SendAboutAsync(message, submission, agency, cancellationToken);
        await FinishAsync(message, delivery, submission.Id, cancellationToken);
    }

    /// <summary>
    /// Counts what became of the message. An email another delivery holds the lease of is looked at again a little
    /// later, as a new message: that delivery may be a duplicate that will send it, or this message's own earlier
    /// delivery that died (the host stopped, storage went away) without releasing the lease, which then expires.
    /// </summary>
    private async Task FinishAsync(NoticeMessage message, Delivery delivery, string? subject, CancellationToken cancellationToken)
    {
        if (delivery == Delivery.BeingSentElsewhere)
        {
            await queue.SendNoticeAsync(message, LeaseWait, cancellationToken);
            metrics.Handled("notify", "Deferred", subject);
            return;
        }

        metrics.Handled("notify", delivery.ToString(), subject);
    }

    /// <summary>The emails of the version's earlier changes, from its report's outbox, in order.</summary>
    private async Task<IReadOnlyList<NoticeMessage>> EarlierNoticesAsync(Submission submission, int sequence, CancellationToken cancellationToken) =>
        (await submissions.ListOutboxAsync(submission.Report, cancellationToken))
            .Where(m => m.SubmissionId == submission.Id && m.Sequence < sequence && OutboxDispatcher.NoticeKindOf(m.Kind) is not null)
            .Select(OutboxDispatcher.NoticeFor)
            .ToList();

    private Task<Delivery> SendAboutAsync(NoticeMessage message, Submission submission, Agency? agency, CancellationToken cancellationToken) =>
        SendOnceAsync(
            submission.Id,
            message.Kind,
            agency is null ? [] : RecipientsFor(message.Kind, agency),
            agency is null ? $"机关「{submission.AgencyId}」未登记" : "机关未登记收件人邮箱",
            () => ComposeAsync(message, submission, agency!, cancellationToken),
            cancellationToken,
            submission.AgencyId);

    /// <summary>What became of one email.</summary>
    private enum Delivery
    {
        Sent,
        AlreadySent,
        BeingSentElsewhere,
        NoRecipient,

        /// <summary>SendGrid refused it for good: recorded Failed and alerted, never retried.</summary>
        Failed,
    }

    private static IReadOnlyList<string> RecipientsFor(string kind, Agency agency) => kind switch
    {
        NoticeKind.ReviewRequest => agency.ReviewerEmails,
        NoticeKind.Withdrawn => agency.SubmitterEmails.Concat(agency.ReviewerEmails).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        _ => agency.SubmitterEmails,
    };

    /// <summary>
    /// Sends one email at most once: (partition, row) names it; Queued before SendGrid, Sent after. A refusal no retry
    /// can change (see <see cref="EmailFailures"/>) is recorded Failed with an operator alert and does not throw, so
    /// the queue does not retry it; any other failure, still failing after the HTTP client's retries, is recorded
    /// (the attempt counted, the lease released) and thrown for the queue to retry.
    /// </summary>
    private async Task<Delivery> SendOnceAsync(
        string partition, string row, IReadOnlyList<string> recipients, string noRecipient, Func<Task<EmailContent>> compose, CancellationToken cancellationToken,
        string? agencyId = null, bool alertByEmail = true)
    {
        var existing = await storage.Notices.GetEntityIfExistsAsync<NoticeRecord>(partition, row, cancellationToken: cancellationToken);
        var record = existing.HasValue ? existing.Value! : new NoticeRecord { PartitionKey = partition, RowKey = row };
        if (record.Status is NoticeRecord.Sent or NoticeRecord.NoRecipient or NoticeRecord.Failed)
        {
            logger.LogInformation("Notice {Row} for {Partition} is already {Status}", row, partition, record.Status);
            return record.Status == NoticeRecord.Failed ? Delivery.Failed : Delivery.AlreadySent;
        }

        var now = clock.GetUtcNow();
        if (record.LeaseUntil > now)
        {
            // Another delivery of the same email is sending it; if it fails, its own message is retried.
            logger.LogInformation("Notice {Row} for {Partition} is being sent by another delivery", row, partition);
            return Delivery.BeingSentElsewhere;
        }

        if (recipients.Count == 0)
        {
            record.Status = NoticeRecord.NoRecipient;
            record.LastError = noRecipient;
            await storage.Notices.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);
            logger.LogWarning("Notice {Row} for {Partition}: no registered recipient, not sent", row, partition);
            return Delivery.NoRecipient;
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
            return Delivery.BeingSentElsewhere;
        }

        var key = NoticeKey.Format(partition, row);
        System.Net.HttpStatusCode status;
        try
        {
            status = await sender.SendAsync(recipients, content, key, cancellationToken);
        }
        catch (EmailNotAcceptedException refused) when (refused.Permanent)
        {
            await SaveAsync(record, r =>
            {
                r.Status = NoticeRecord.Failed;
                r.LastStatusCode = (int)refused.Status;
                r.LastError = refused.Message;
                r.LeaseUntil = null;
            }, CancellationToken.None);
            logger.LogError("Notice {Row} for {Partition} refused by SendGrid for good ({Status}): not retried", row, partition, (int)refused.Status);
            await alerts.RecordAsync(
                "delivery",
                partition.StartsWith('~') ? null : partition,
                agencyId,
                RefusalSummary(row, refused),
                key + "\n" + refused.Message,
                CancellationToken.None,
                alertByEmail);
            return Delivery.Failed;
        }
        catch (Exception e)
        {
            // Whatever failed (SendGrid still answering 429/5xx, the retries' time budget, a broken connection, the
            // host stopping), the lease is released so the queue's next delivery of this message sends it.
            await SaveAsync(record, r =>
            {
                r.LastError = e.Message;
                r.LastStatusCode = e is EmailNotAcceptedException rejected ? (int)rejected.Status : null;
                r.LeaseUntil = null;
            }, CancellationToken.None);
            throw;
        }

        await SaveAsync(record, r =>
        {
            r.Status = NoticeRecord.Sent;
            r.LastStatusCode = (int)status;
            r.LastError = null;
            r.SentAt = clock.GetUtcNow();
            r.LeaseUntil = null;
        }, CancellationToken.None); // SendGrid has it: a record left Queued would send it again.
        logger.LogInformation("Notice {Row} for {Partition} sent to {Count} recipient(s)", row, partition, recipients.Count);
        return Delivery.Sent;
    }

    /// <summary>The operators' summary of a permanent refusal, in Chinese: a bad key stops every email, a bad message only this one.</summary>
    private static string RefusalSummary(string row, EmailNotAcceptedException refused) => (int)refused.Status switch
    {
        401 or 403 => $"SendGrid 拒绝了邮件「{row}」（{(int)refused.Status}）：API 密钥无效或无发送权限，所有邮件都将发送失败。请检查 Notices__SendGridApiKey 与发件人认证。该邮件不会自动重试。",
        _ => $"SendGrid 拒绝了邮件「{row}」（{(int)refused.Status}），该邮件不会自动重试。请按错误信息检查收件人地址与邮件内容。",
    };

    /// <summary>
    /// Writes the sender's outcome under the record's ETag. The Event Webhook may have recorded delivery events
    /// meanwhile (SendGrid's "processed" can arrive before this write): on a conflict the outcome is applied to the
    /// record as it is now, so this write keeps whatever the webhook wrote without having to know which fields it owns.
    /// </summary>
    private async Task SaveAsync(NoticeRecord record, Action<NoticeRecord> outcome, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            outcome(record);
            try
            {
                await storage.Notices.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (Azure.RequestFailedException e) when (e.Status == 412 && attempt < 5)
            {
                record = (await storage.Notices.GetEntityAsync<NoticeRecord>(record.PartitionKey, record.RowKey, cancellationToken: cancellationToken)).Value;
            }
        }
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
                    outcome == ValidationOutcome.Accepted && !agency.AutoPublish,
                    FixSuggestionText.For(document?.Report, document?.Findings ?? [])));
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
