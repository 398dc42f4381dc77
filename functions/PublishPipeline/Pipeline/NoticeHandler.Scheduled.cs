using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Calendar;
using PublishPipeline.Notices;
using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Rendering;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>The emails that are not about one version: deadline reminders, reviewers' digests, operator alerts.</summary>
public sealed partial class NoticeHandler
{
    /// <summary>Record partitions of these emails; submission emails use the submission id, which never starts with '~'.</summary>
    private const string ReminderPartition = "~" + NoticeKind.DeadlineReminder;
    private const string DigestPartition = "~" + NoticeKind.ReviewDigest;
    private const string AlertPartition = "~" + NoticeKind.OperatorAlert;
    private const string SupervisorDigestPartition = "~" + NoticeKind.SupervisorDigest;

    /// <summary>A reminder to an agency's submitters, decided again at sending: a report submitted since is not nagged about.</summary>
    private async Task HandleReminderAsync(NoticeMessage message, CancellationToken cancellationToken)
    {
        if (message.AgencyId is null || message.Year is not { } year || message.Key is null)
        {
            logger.LogWarning("Deadline reminder without agency, year or key: ignored");
            return;
        }

        var agency = await agencies.GetAsync(message.AgencyId, cancellationToken);
        if (agency is null)
        {
            return;
        }

        var versions = await submissions.ListVersionsAsync(new ReportKey(agency.Id, year), cancellationToken);
        var progress = ReportProgress.FromVersions(versions.Select(v => (v.Version, v.CurrentState)));
        var situation = ReminderPlanner.SituationOf(progress);
        var deadline = ReminderPlanner.DeadlineFor(deadlines.Value.Calendar, agency.Level, year);
        if (situation is null || deadline is null)
        {
            logger.LogInformation("Reminder {Key}: the report is in review or done now, not sent", message.Key);
            metrics.Handled("notify", "moot", message.Key);
            return;
        }

        var today = ChinaTime.DateInChina(clock.GetUtcNow());
        var delivery = await SendOnceAsync(
            ReminderPartition,
            message.Key,
            agency.SubmitterEmails,
            "机关未登记报送人邮箱",
            () => composer.ComposeDeadlineReminderAsync(new DeadlineReminderNotice(
                agency.Name,
                year,
                deadline.Value,
                deadline.Value.DayNumber - today.DayNumber,
                situation == ReminderSituation.NeedsChanges ? DeadlineSituation.NeedsChanges : DeadlineSituation.NotSubmitted,
                progress.LatestVersion,
                options.Value.SubmitUrl())),
            cancellationToken);
        await FinishAsync(message, delivery, message.Key, cancellationToken);
    }

    /// <summary>A reviewer's digest of what awaits them now; only to an address the directory lists as a reviewer.</summary>
    private async Task HandleDigestAsync(NoticeMessage message, CancellationToken cancellationToken)
    {
        if (message.Recipient is null || message.Key is null)
        {
            return;
        }

        // The digest as it stands now (reports reviewed since the job ran drop out), routed as the job routed it.
        var reviewer = message.Recipient.Trim().ToLowerInvariant();
        var directory = await agencies.ListAsync(cancellationToken);
        var pending = PendingReview.From(await submissions.ListInStateAsync(SubmissionState.AwaitingReview, cancellationToken), directory);
        var items = (DigestPlanner.Plan(directory, pending, clock.GetUtcNow()).Digests.FirstOrDefault(d => d.ReviewerEmail == reviewer)?.Items ?? [])
            .Select(p => new ReviewDigestItem(p.SubmissionId, p.AgencyName, p.Year, p.Version, p.SubmittedAt, p.Warnings, options.Value.SubmissionPreviewUrl(p.SubmissionId)))
            .ToList();
        if (items.Count == 0)
        {
            metrics.Handled("notify", "moot", message.Key);
            return;
        }

        var delivery = await SendOnceAsync(
            DigestPartition,
            message.Key,
            [reviewer],
            "",
            () => composer.ComposeReviewDigestAsync(new ReviewDigestNotice(clock.GetUtcNow(), items)),
            cancellationToken);
        await FinishAsync(message, delivery, message.Key, cancellationToken);
    }

    /// <summary>
    /// A supervisor's weekly digest: the region's board as it stands when sent, and only to an address the region
    /// still lists as a supervisor (one removed since the job ran gets nothing).
    /// </summary>
    private async Task HandleSupervisorDigestAsync(NoticeMessage message, CancellationToken cancellationToken)
    {
        if (message.RegionId is null || message.Recipient is null || message.Key is null || message.Year is not { } year)
        {
            logger.LogWarning("Supervisor digest without region, recipient, year or key: ignored");
            return;
        }

        var region = await regions.GetAsync(message.RegionId, cancellationToken);
        var supervisor = message.Recipient.Trim().ToLowerInvariant();
        if (region is null || !region.SupervisorEmails.Contains(supervisor, StringComparer.OrdinalIgnoreCase))
        {
            logger.LogInformation("Supervisor digest {Key}: the region or the supervisor is no longer registered, not sent", message.Key);
            metrics.Handled("notify", "moot", message.Key);
            return;
        }

        var board = await boards.BuildAsync(region, year, ChinaTime.DateInChina(clock.GetUtcNow()), cancellationToken);
        var urls = options.Value.Urls();
        var unpublished = board.Rows.Where(r => r.Category != Site.Board.BoardStatus.Published).ToList();
        var notice = new SupervisorDigestNotice(
            region.Name,
            board.Year,
            board.Today,
            board.Rows.Count,
            [.. board.Counts.Select(c => (c.Name, c.Count))],
            board.Overdue,
            [
                .. unpublished.Take(SupervisorDigestNotice.MaxItems).Select(r => new SupervisorDigestItem(
                    r.AgencyName,
                    r.StateName,
                    r.Detail,
                    Site.Board.BoardText.DeadlineDate(r.Deadline),
                    Site.Board.BoardText.Deadline(r),
                    r.Overdue,
                    r.SubmissionId is null ? null : urls.SubmissionStatus(r.SubmissionId))),
            ],
            Math.Max(0, unpublished.Count - SupervisorDigestNotice.MaxItems),
            urls.RegionBoard(region.Id, board.Year),
            urls.RegionBoardCsv(region.Id, board.Year));
        var delivery = await SendOnceAsync(
            SupervisorDigestPartition,
            message.Key,
            [supervisor],
            "",
            () => composer.ComposeSupervisorDigestAsync(notice),
            cancellationToken);
        await FinishAsync(message, delivery, message.Key, cancellationToken);
    }

    /// <summary>An operator alert to the configured operator addresses.</summary>
    private async Task HandleAlertAsync(NoticeMessage message, CancellationToken cancellationToken)
    {
        var alert = message.Key is null ? null : await alerts.GetAsync(message.Key, cancellationToken);
        if (alert is null)
        {
            return;
        }

        var operators = options.Value.OperatorEmails
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        var agency = alert.AgencyId is null ? null : await agencies.GetAsync(alert.AgencyId, cancellationToken);
        var delivery = await SendOnceAsync(
            AlertPartition,
            alert.PartitionKey + "-" + alert.RowKey,
            operators,
            "未配置运维人员邮箱",
            () => composer.ComposeOperatorAlertAsync(new OperatorAlertNotice(
                alert.Stage,
                alert.SubmissionId,
                agency?.Name ?? alert.AgencyId,
                alert.Summary,
                alert.At,
                alert.Stage switch
                {
                    "publish" => Storage.StorageNames.PublishPoisonQueue,
                    "notify" => Storage.StorageNames.NoticesPoisonQueue,
                    "ingest" => Storage.StorageNames.BlobTriggerPoisonQueue,
                    _ => "",
                },
                alert.Stage is "publish" or "ingest" && alert.SubmissionId is not null)),
            cancellationToken,
            alert.AgencyId,

            // The alert about this alert's own refusal goes to the table and the log: an email about it would be
            // refused the same way (a revoked key refuses every email), one alert after another.
            alertByEmail: false);
        await FinishAsync(message, delivery, message.Key, cancellationToken);
    }
}
