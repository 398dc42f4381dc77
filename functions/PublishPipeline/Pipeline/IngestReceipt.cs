using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Pipeline;

/// <summary>
/// Written when a draft blob version (name + ETag) has been ingested to the end. The sweeper looks for blobs
/// without one: blob events can be missed (Event Grid dead-letters; the local polling trigger misses blobs that
/// share a last-modified second), and a missed event must not mean a lost upload.
/// </summary>
public sealed class IngestReceipt : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string BlobName { get; set; } = "";

    public string SubmissionId { get; set; } = "";

    public static (string PartitionKey, string RowKey) KeyFor(string blobName, ETag blobETag)
    {
        // A listing and a properties call quote the same ETag differently: compare the bare value.
        var version = blobETag.ToString().Trim('"');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName + "\n" + version)));
        return (hash[..2], hash);
    }
}
