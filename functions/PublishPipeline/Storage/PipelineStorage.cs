using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using PublishPipeline.Reports;

namespace PublishPipeline.Storage;

/// <summary>The containers, queues and tables of the pipeline, as clients, and their creation.</summary>
public sealed class PipelineStorage(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables)
{
    public BlobServiceClient Blobs { get; } = blobs;

    public BlobContainerClient Drafts => Blobs.GetBlobContainerClient(StorageNames.DraftsContainer);

    public BlobContainerClient Reports => Blobs.GetBlobContainerClient(StorageNames.ReportsContainer);

    public BlobContainerClient Web => Blobs.GetBlobContainerClient(StorageNames.WebContainer);

    public QueueClient PublishQueue => queues.GetQueueClient(StorageNames.PublishQueue);

    public QueueClient NoticesQueue => queues.GetQueueClient(StorageNames.NoticesQueue);

    public TableClient Submissions => tables.GetTableClient(StorageNames.SubmissionsTable);

    public TableClient Agencies => tables.GetTableClient(StorageNames.AgenciesTable);

    public TableClient SiteIndex => tables.GetTableClient(StorageNames.SiteIndexTable);

    public QueueClient SiteQueue => queues.GetQueueClient(StorageNames.SiteQueue);

    public TableClient Notices => tables.GetTableClient(StorageNames.NoticesTable);

    public TableClient IngestReceipts => tables.GetTableClient(StorageNames.IngestReceiptsTable);

    public TableClient Alerts => tables.GetTableClient(StorageNames.AlertsTable);

    /// <summary>Stores the parsed report and findings of a submission (the JSON contract), replacing an earlier one.</summary>
    public async Task SaveReportDocumentAsync(string submissionId, ReportDocument document, CancellationToken cancellationToken = default) =>
        await Reports.GetBlobClient(StorageNames.ReportBlobName(submissionId))
            .UploadAsync(BinaryData.FromBytes(ReportJson.SerializeToUtf8(document)), overwrite: true, cancellationToken);

    /// <summary>The parsed report and findings of a submission, or null when it has not been validated yet.</summary>
    public async Task<ReportDocument?> LoadReportDocumentAsync(string submissionId, CancellationToken cancellationToken = default)
    {
        try
        {
            var json = await Reports.GetBlobClient(StorageNames.ReportBlobName(submissionId)).DownloadContentAsync(cancellationToken);
            return ReportJson.Deserialize(json.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Creates what does not exist yet. In Azure the Bicep deployment creates them; locally and in tests this
    /// makes a fresh Azurite usable. <c>$web</c> is public-read on Azurite so the site can be browsed.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Drafts.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Reports.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Web.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await PublishQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await NoticesQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await SiteQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queues.GetQueueClient(StorageNames.SitePoisonQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queues.GetQueueClient(StorageNames.PublishPoisonQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queues.GetQueueClient(StorageNames.NoticesPoisonQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queues.GetQueueClient(StorageNames.BlobTriggerPoisonQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var table in new[] { Submissions, Agencies, SiteIndex, Notices, IngestReceipts, Alerts })
        {
            try
            {
                await table.CreateIfNotExistsAsync(cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Created concurrently by another host: fine.
            }
        }
    }
}
