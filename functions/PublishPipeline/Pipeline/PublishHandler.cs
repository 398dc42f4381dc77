using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Notices;
using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The publish stage: renders an approved submission's page and data into <c>$web</c>, updates the indexes,
/// queues the publication notice, then records it Published. A re-delivered message finds it Published and stops.
/// </summary>
public sealed class PublishHandler(
    PipelineStorage storage,
    SubmissionStore submissions,
    AgencyDirectory agencies,
    SitePublisher site,
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

        var agency = await agencies.GetAsync(submission.AgencyId, cancellationToken)
            ?? throw new InvalidOperationException($"agency {submission.AgencyId} of submission {submission.Id} is not in the directory");
        var document = await storage.LoadReportDocumentAsync(submission.Id, cancellationToken)
            ?? throw new InvalidOperationException($"submission {submission.Id} is approved but its report is not stored");
        document.Report.Year ??= submission.Year;

        var publishedAt = clock.GetUtcNow();
        await site.PublishReportAsync(new ReportPageModel(document, agency.Id, agency.Name, publishedAt, submission.Id), cancellationToken);
        await site.RebuildIndexesAsync(cancellationToken);
        await queue.SendNoticeAsync(new NoticeMessage(submission.Id, NoticeKind.Published), cancellationToken);

        var year = document.Report.Year!.Value;
        var url = options.Value.ReportPageUrl(year, agency.Id);
        await submissions.TransitionAsync(
            submission,
            SubmissionState.Approved,
            SubmissionState.Published,
            Actor,
            "已发布到公开网站",
            s =>
            {
                s.PublicUrl = url;
                s.PublishedAt = publishedAt;
            },
            cancellationToken);
        logger.LogInformation("Published submission {Submission} at {Url}", submission.Id, url);
    }
}
