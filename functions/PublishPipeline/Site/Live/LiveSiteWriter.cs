using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PublishPipeline.Storage;

namespace PublishPipeline.Site.Live;

/// <summary>
/// Writes files of the live site into <c>$web</c> so that concurrent publications never lose an entry and nothing whose
/// bytes did not change is written. Each blob carries the SHA-256 of its content in its metadata (the manifest of
/// content hashes). A derived page is written by reading the blob's ETag FIRST, then the index data, rendering, and
/// uploading only if the ETag is still the same: a writer whose data read came before another writer's upload finds
/// the ETag changed and derives the page again, so the last upload always reflects every change committed before it.
/// </summary>
public sealed class LiveSiteWriter(PipelineStorage storage)
{
    public const string HashMetadata = "contenthash";

    private const int MaxAttempts = 12;

    private long written;
    private long unchanged;
    private long deleted;

    /// <summary>Blobs uploaded, skipped as unchanged, and deleted since this writer was made (the benchmarks read these).</summary>
    public (long Written, long Unchanged, long Deleted) Counts => (Interlocked.Read(ref written), Interlocked.Read(ref unchanged), Interlocked.Read(ref deleted));

    /// <summary>
    /// Derives and writes one file: <paramref name="render"/> reads whatever it needs AFTER the blob's ETag was taken and
    /// returns the file, or null when the file should not exist (it is then deleted). Returns whether the blob changed.
    /// </summary>
    public async Task<bool> WriteDerivedAsync(string path, Func<CancellationToken, Task<SiteFile?>> render, CancellationToken cancellationToken)
    {
        var blob = storage.Web.GetBlobClient(path);
        for (var attempt = 1; ; attempt++)
        {
            var (etag, oldHash) = await PropertiesAsync(blob, cancellationToken);
            var file = await render(cancellationToken);
            try
            {
                if (file is null)
                {
                    if (etag is { } existing)
                    {
                        await blob.DeleteAsync(conditions: new BlobRequestConditions { IfMatch = existing }, cancellationToken: cancellationToken);
                        Interlocked.Increment(ref deleted);
                        return true;
                    }

                    return false;
                }

                var hash = Hash(file.Content.Span);
                if (hash == oldHash)
                {
                    Interlocked.Increment(ref unchanged);
                    return false;
                }

                await blob.UploadAsync(
                    BinaryData.FromBytes(file.Content),
                    new BlobUploadOptions
                    {
                        HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType, CacheControl = CacheControl(path) },
                        Metadata = new Dictionary<string, string> { [HashMetadata] = hash },
                        Conditions = etag is { } match ? new BlobRequestConditions { IfMatch = match } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                    },
                    cancellationToken);
                Interlocked.Increment(ref written);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 or 404 && attempt < MaxAttempts)
            {
                // Another publication wrote (or removed) this file after we read its ETag: derive it again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 40) * attempt), cancellationToken);
            }
        }
    }

    /// <summary>Writes a file whose content does not depend on the index (a report's own files, assets), unless unchanged.</summary>
    public Task<bool> WriteAsync(SiteFile file, CancellationToken cancellationToken) =>
        WriteDerivedAsync(file.Path, _ => Task.FromResult<SiteFile?>(file), cancellationToken);

    /// <summary>Deletes every blob under a prefix (a withdrawn report's folder); returns how many.</summary>
    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var item in storage.Web.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix: prefix, cancellationToken: cancellationToken))
        {
            await storage.Web.GetBlobClient(item.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            Interlocked.Increment(ref deleted);
            count++;
        }

        return count;
    }

    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string CacheControl(string path) =>
        path.StartsWith("assets/", StringComparison.Ordinal) || path.StartsWith(SitePaths.SearchBundle, StringComparison.Ordinal)
            ? "public, max-age=3600"
            : "public, max-age=300";

    private static async Task<(ETag? ETag, string? Hash)> PropertiesAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            properties.Value.Metadata.TryGetValue(HashMetadata, out var hash);
            return (properties.Value.ETag, hash);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, null);
        }
    }
}
