using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The safety net under the blob trigger: finds recent drafts that were never ingested to the end (no receipt)
/// and ingests them. Ingest is idempotent, so a blob whose event is merely late is not harmed.
/// </summary>
public sealed class DraftSweeper(PipelineStorage storage, IngestHandler ingest, TimeProvider clock, IOptions<PipelineOptions> options, ILogger<DraftSweeper> logger)
{
    /// <summary>
    /// Ingests every draft modified within the look-back window (and older than the grace period) that has no
    /// receipt; returns the names of the drafts it ingested.
    /// </summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var oldest = now - options.Value.SweepLookBack;
        var newest = now - options.Value.SweepGrace;
        var repaired = new List<string>();
        await foreach (var blob in storage.Drafts.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var modified = blob.Properties.LastModified;
            if (modified is null || modified < oldest || modified > newest)
            {
                continue;
            }

            var (partition, row) = IngestReceipt.KeyFor(blob.Name, blob.Properties.ETag!.Value);
            var receipt = await storage.IngestReceipts.GetEntityIfExistsAsync<IngestReceipt>(partition, row, cancellationToken: cancellationToken);
            if (receipt.HasValue)
            {
                continue;
            }

            logger.LogWarning("Draft {Blob} has no ingest receipt (its blob event was missed or failed): ingesting it now", blob.Name);
            try
            {
                await ingest.HandleAsync(blob.Name, cancellationToken);
                repaired.Add(blob.Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One draft that cannot be ingested must not keep the sweep from the others; its blob event's
                // retries end in the poison queue, which marks it Failed and writes its receipt.
                logger.LogError(e, "Draft {Blob} could not be ingested by the sweep", blob.Name);
            }
        }

        return repaired;
    }
}
