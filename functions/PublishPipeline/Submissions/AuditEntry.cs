using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Submissions;

/// <summary>One state transition of a submission: who, when, from, to, why. Never updated once written.</summary>
public sealed class AuditEntry : ITableEntity
{
    public const string RowKeyPrefix = "audit-";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public int Sequence { get; set; }

    public string Actor { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>Empty for the first entry (the upload itself).</summary>
    public string From { get; set; } = "";

    public string To { get; set; } = "";

    public string Reason { get; set; } = "";

    public static string RowKeyFor(int sequence) => RowKeyPrefix + sequence.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
}
