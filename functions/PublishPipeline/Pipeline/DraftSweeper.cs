using System.Collections.Concurrent;
using Azure.Data.Tables;
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
    /// <summary>How many drafts one sweep ingests at once (the Functions host's blob trigger runs 4 at a time too).</summary>
    public const int Parallelism = 4;

    /// <summary>
    /// Ingests every draft modified within the look-back window (and older than the grace period) that has no
    /// receipt; returns the names of the drafts it ingested.
    /// </summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var oldest = now - options.Value.SweepLookBack;
        var newest = now - options.Value.SweepGrace;

        // One query for the window's receipts instead of one read per draft: a sweep during the January rush walks
        // tens of thousands of drafts, nearly all of them ingested. A receipt is written after its blob, so its
        // Timestamp is within the window whenever the blob's is.
        var receipts = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var receipt in storage.IngestReceipts.QueryAsync<IngestReceipt>(
            TableClient.CreateQueryFilter($"Timestamp ge {oldest}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            receipts.Add(receipt.RowKey);
        }

        var missed = new List<(string Name, string Partition, string Row)>();
        await foreach (var blob in storage.Drafts.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var modified = blob.Properties.LastModified;
            if (modified is null || modified < oldest || modified > newest)
            {
                continue;
            }

            var (partition, row) = IngestReceipt.KeyFor(blob.Name, blob.Properties.ETag!.Value);
            if (!receipts.Contains(row))
            {
                missed.Add((blob.Name, partition, row));
            }
        }

        var repaired = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(missed, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (draft, ct) =>
        {
            // Its blob event may have been handled since the receipts were read.
            if ((await storage.IngestReceipts.GetEntityIfExistsAsync<IngestReceipt>(draft.Partition, draft.Row, cancellationToken: ct)).HasValue)
            {
                return;
            }

            logger.LogWarning("Draft {Blob} has no ingest receipt (its blob event was missed or failed): ingesting it now", draft.Name);
            try
            {
                await ingest.HandleAsync(draft.Name, ct);
                repaired.Enqueue(draft.Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One draft that cannot be ingested must not keep the sweep from the others; its blob event's
                // retries end in the poison queue, which marks it Failed and writes its receipt.
                logger.LogError(e, "Draft {Blob} could not be ingested by the sweep", draft.Name);
            }
        });

        return repaired.ToList();
    }
}
