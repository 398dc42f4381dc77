using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Notices;
using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Site.Live;
using PublishPipeline.Site.Model;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The publish stage. Publish: when an approved version's time has come, render its page and data into
/// <c>$web</c>, update the indexes, then record it Published (which supersedes the version live before it) with the
/// publication notice, sent after that commits. Unpublish: take a withdrawn version's page down if it is still the
/// live one. Both messages are sent only after the change they act on committed, so the version is in the state they
/// expect or has moved on. Re-delivered messages find the work done and stop; an early scheduled message is put back
/// until its time (that is not a state change, so it goes to the queue directly).
/// </summary>
public sealed class PublishHandler(
    PipelineStorage storage,
    SubmissionStore submissions,
    AgencyDirectory agencies,
    LiveSitePublisher site,
    RollupJob rollups,
    MessageQueue queue,
    SubmissionTransitions transitions,
    PipelineMetrics metrics,
    TimeProvider clock,
    IOptions<PipelineOptions> options,
    ILogger<PublishHandler> logger)
{
    public const string Actor = "system:publish";

    public async Task HandleAsync(PublishMessage message, CancellationToken cancellationToken = default)
    {
        var submission = await submissions.GetAsync(message.SubmissionId, cancellationToken);
        if (submission is null)
        {
            logger.LogWarning("Publish asked for unknown submission {Submission}: ignored", message.SubmissionId);
            metrics.Handled("publish", "ignored", message.SubmissionId);
            return;
        }

        if (message.Action == PublishAction.Unpublish)
        {
            await UnpublishAsync(submission, cancellationToken);
            return;
        }

        // The message was sent only after the approval committed: a version not Approved now was published by an
        // earlier delivery, or was returned, withdrawn or superseded since.
        if (submission.CurrentState != SubmissionState.Approved)
        {
            logger.LogInformation("Submission {Submission} is {State}, not Approved: nothing to publish", submission.Id, submission.State);
            metrics.Handled("publish", submission.CurrentState == SubmissionState.Published ? "already-published" : "not-approved", submission.Id);
            return;
        }

        var now = clock.GetUtcNow();
        if (submission.PublishAt is { } at && at > now.AddSeconds(1))
        {
            await queue.SendPublishAsync(message, at - now, cancellationToken);
            logger.LogInformation("Submission {Submission} is scheduled for {At}: put back", submission.Id, at);
            metrics.Handled("publish", "scheduled", submission.Id);
            return;
        }

        var agency = await agencies.GetAsync(submission.AgencyId, cancellationToken)
            ?? throw new InvalidOperationException($"agency {submission.AgencyId} of submission {submission.Id} is not in the directory");
        var document = await storage.LoadReportDocumentAsync(submission.Id, cancellationToken)
            ?? throw new InvalidOperationException($"submission {submission.Id} is approved but its report is not stored");

        // A version owns one page: the year it was submitted for. Validation sends a draft whose own year differs back
        // to the agency, so one reaching here is a bug: fail loudly rather than publish over another year's page.
        if (document.Report.Year is int own && own != submission.Year)
        {
            throw new InvalidOperationException($"submission {submission.Id} is for {submission.Year} but its document says {own}: not published");
        }

        document.Report.Year = submission.Year;
        var head = await submissions.GetHeadAsync(submission.Report, cancellationToken);
        var replaces = head?.PublishedVersion is { } live && live != submission.Version ? live : (int?)null;
        await site.PublishAsync(
            new LivePublication(
                document,
                new SiteAgency(agency.Id, agency.Name, RegionPath.Parse(agency.Region), agency.Level),
                submission.Year,
                submission.Id,
                submission.Version,
                now,
                submission.Comments),
            cancellationToken);

        // Before the transition, like the site work: until it commits, a redelivery repeats both, so no crash leaves
        // the region's roll-ups unmarked. They read the live version from the site index, which now names this one.
        await rollups.MarkChangedAsync(agency, submission.Year, cancellationToken);
        var url = options.Value.ReportPageUrl(submission.Year, agency.Id);
        var published = await transitions.MoveAsync(
            submission.Id,
            LifecycleTrigger.Publish,
            Actor,
            replaces is { } old ? $"已发布到公开网站（更正版本，替换第 {old} 版）" : "已发布到公开网站",
            s =>
            {
                s.PublicUrl = url;
                s.PublishedAt = now;
            },
            cancellationToken: cancellationToken);
        if (!published.Changed && published.Current?.CurrentState != SubmissionState.Published)
        {
            // Withdrawn, returned or superseded while its page was being rendered: the page must not stay up.
            await site.WithdrawAsync(submission.AgencyId, submission.Year, submission.Id, cancellationToken);
            await rollups.MarkChangedAsync(agency, submission.Year, cancellationToken);
            logger.LogWarning("Submission {Submission} became {State} while it was being published: its page was taken down again", submission.Id, published.Current?.State);
            metrics.Handled("publish", "changed-meanwhile", submission.Id);
            return;
        }

        logger.LogInformation("Published submission {Submission} at {Url}", submission.Id, url);
        metrics.Handled("publish", "published", submission.Id);
    }

    private async Task UnpublishAsync(Submission submission, CancellationToken cancellationToken)
    {
        // Sent only after the withdrawal committed; a version withdrawn and nothing else is all this can be about.
        if (submission.CurrentState != SubmissionState.Withdrawn)
        {
            logger.LogWarning("Unpublish asked for {Submission} in state {State}: ignored", submission.Id, submission.State);
            metrics.Handled("publish", "ignored", submission.Id);
            return;
        }

        var removed = await site.WithdrawAsync(submission.AgencyId, submission.Year, submission.Id, cancellationToken);
        // Marked even when nothing was live any more: a redelivery after a crash between the two must still mark.
        if (await agencies.GetAsync(submission.AgencyId, cancellationToken) is { } agency)
        {
            await rollups.MarkChangedAsync(agency, submission.Year, cancellationToken);
        }

        logger.LogInformation("Withdrawn submission {Submission}: page {Outcome}", submission.Id, removed ? "taken down" : "was not live");
        metrics.Handled("publish", removed ? "taken-down" : "not-live", submission.Id);
    }
}
