using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Hosting;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions;

/// <summary>A new draft in <c>drafts/{agency}/{year}/{name}</c> (delivered by Event Grid) starts ingest.</summary>
public sealed class OnDraftUploaded(IServiceProvider services)
{
    [Function(PipelineFunctions.OnDraftUploaded)]
    public Task RunAsync(
        [BlobTrigger(StorageNames.DraftBlobPath, Source = BlobTriggerSource.EventGrid, Connection = StorageNames.ConnectionSetting)] BlobClient draft,
        CancellationToken cancellationToken) =>
        PipelineFunctions.Blob(PipelineFunctions.OnDraftUploaded).InvokeAsync(services, draft.Name, cancellationToken);
}
