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
/// <c>$web</c>, update the indexes, queue the publication notice, then record it Published (which supersedes the
/// version live before it). Unpublish: take a withdrawn version's page down if it is still the live one.
/// Re-delivered messages find the work done and stop; an early scheduled message is put back until its time.
/// </summary>
public sealed class PublishHandler(
    PipelineStorage storage,
    SubmissionStore submissions,
    AgencyDirectory agencies,
    LiveSitePublisher site,
    MessageQueue queue,
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
            return;
        }

        if (message.Action == PublishAction.Unpublish)
        {
            await UnpublishAsync(submission, cancellationToken);
            return;
        }

        // A reviewer's approval queues publication just before it records Approved: under load the message can arrive
        // first. Give the approval a moment to land before deciding (the transactional outbox, issue 11, removes this).
        for (var wait = 0; submission.CurrentState == SubmissionState.AwaitingReview && wait < 20; wait++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            submission = await submissions.GetAsync(message.SubmissionId, cancellationToken) ?? submission;
        }

        switch (submission.CurrentState)
        {
            case SubmissionState.Published:
                logger.LogInformation("Submission {Submission} is already published", submission.Id);
                return;
            case SubmissionState.Received:
                // The ingest stage queues publication just before it records the approval: let the queue retry.
                throw new InvalidOperationException($"submission {submission.Id} is not yet approved (still Received)");
            case not SubmissionState.Approved:
                logger.LogWarning("Submission {Submission} is {State}, not Approved: not published", submission.Id, submission.State);
                return;
        }

        var now = clock.GetUtcNow();
        if (submission.PublishAt is { } at && at > now.AddSeconds(1))
        {
            await queue.SendPublishAsync(message, at - now, cancellationToken);
            logger.LogInformation("Submission {Submission} is scheduled for {At}: put back", submission.Id, at);
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
        await queue.SendNoticeAsync(new NoticeMessage(submission.Id, NoticeKind.Published), cancellationToken);

        var url = options.Value.ReportPageUrl(submission.Year, agency.Id);
        await submissions.TransitionAsync(
            submission.Id,
            [SubmissionState.Approved],
            SubmissionState.Published,
            Actor,
            replaces is { } old ? $"已发布到公开网站（更正版本，替换第 {old} 版）" : "已发布到公开网站",
            s =>
            {
                s.PublicUrl = url;
                s.PublishedAt = now;
            },
            cancellationToken);
        logger.LogInformation("Published submission {Submission} at {Url}", submission.Id, url);
    }

    private async Task UnpublishAsync(Submission submission, CancellationToken cancellationToken)
    {
        switch (submission.CurrentState)
        {
            case SubmissionState.Published:
                // The withdrawal queues this just before it records the state: let the queue retry.
                throw new InvalidOperationException($"submission {submission.Id} is to be taken down but is still Published");
            case not SubmissionState.Withdrawn:
                logger.LogWarning("Unpublish asked for {Submission} in state {State}: ignored", submission.Id, submission.State);
                return;
        }

        var removed = await site.WithdrawAsync(submission.AgencyId, submission.Year, submission.Id, cancellationToken);

        logger.LogInformation("Withdrawn submission {Submission}: page {Outcome}", submission.Id, removed ? "taken down" : "was not live");
    }
}
