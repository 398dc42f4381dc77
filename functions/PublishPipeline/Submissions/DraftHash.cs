using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Submissions;

/// <summary>
/// Which version holds a given content hash (row <c>sha-{hex}</c> in the report's partition): the same bytes
/// uploaded again, through the API or straight into storage, find their version instead of making a new one.
/// </summary>
public sealed class DraftHash : ITableEntity
{
    public const string RowKeyPrefix = "sha-";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public int Version { get; set; }

    public static string RowKeyFor(string sha256Hex) => RowKeyPrefix + sha256Hex;
}
