using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// The Functions app's triggers, hosted locally by the WebJobs SDK against Azurite: the same names (from
/// StorageNames) and the same handlers. The blob trigger polls here (Azurite has no Event Grid).
/// A test compares these with the Functions app's functions.metadata. The timer function (ReconcileDrafts) runs
/// here as <see cref="DraftSweepService"/>: the WebJobs timer extension served here does not load with these
/// storage packages.
/// </summary>
public sealed class DevFunctions(IngestHandler ingest, PublishHandler publish, NoticeHandler notice, PoisonHandler poison, SiteHandler site)
{
    [FunctionName("OnDraftUploaded")]
    public Task OnDraftUploadedAsync([BlobTrigger(StorageNames.DraftBlobPath)] BlobClient draft, CancellationToken cancellationToken) =>
        ingest.HandleAsync(draft.Name, cancellationToken);

    [FunctionName("PublishReport")]
    public Task PublishReportAsync([QueueTrigger(StorageNames.PublishQueue)] string message, CancellationToken cancellationToken) =>
        publish.HandleAsync(MessageQueue.Parse<PublishMessage>(message), cancellationToken);

    [FunctionName("RebuildSite")]
    public Task RebuildSiteAsync([QueueTrigger(StorageNames.SiteQueue)] string message, CancellationToken cancellationToken) =>
        site.HandleAsync(MessageQueue.Parse<SiteMessage>(message), cancellationToken);

    [FunctionName("SendNotice")]
    public Task SendNoticeAsync([QueueTrigger(StorageNames.NoticesQueue)] string message, CancellationToken cancellationToken) =>
        notice.HandleAsync(MessageQueue.Parse<NoticeMessage>(message), cancellationToken);

    [FunctionName("OnPublishPoison")]
    public Task OnPublishPoisonAsync([QueueTrigger(StorageNames.PublishPoisonQueue)] string message, CancellationToken cancellationToken) =>
        poison.HandlePublishAsync(message, cancellationToken);

    [FunctionName("OnNoticePoison")]
    public Task OnNoticePoisonAsync([QueueTrigger(StorageNames.NoticesPoisonQueue)] string message, CancellationToken cancellationToken) =>
        poison.HandleNoticeAsync(message, cancellationToken);

    [FunctionName("OnIngestPoison")]
    public Task OnIngestPoisonAsync([QueueTrigger(StorageNames.BlobTriggerPoisonQueue)] string message, CancellationToken cancellationToken) =>
        poison.HandleBlobAsync(message, cancellationToken);
}
