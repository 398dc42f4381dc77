using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Submissions;

/// <summary>
/// One state change in a report's life (row <c>audit-{n}</c> in the report's partition): which version, who,
/// when, from, to, why. Numbered per report, so the whole history of an agency's report for a year reads in
/// order; never updated once written.
/// </summary>
public sealed class AuditEntry : ITableEntity
{
    public const string RowKeyPrefix = "audit-";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public int Sequence { get; set; }

    public int Version { get; set; }

    public string SubmissionId { get; set; } = "";

    public string Actor { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>Empty for the first entry of a version (the upload itself).</summary>
    public string From { get; set; } = "";

    public string To { get; set; } = "";

    public string Reason { get; set; } = "";

    public static string RowKeyFor(int sequence) => RowKeyPrefix + sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
