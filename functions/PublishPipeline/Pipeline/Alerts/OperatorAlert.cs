using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Pipeline.Alerts;

/// <summary>
/// Something an operator must look at (partition = Beijing day yyyyMMdd, row = alert id): a stage that failed on
/// every retry, or an upload nobody the directory knows made. Kept even when no operator address is configured.
/// </summary>
public sealed class OperatorAlert : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    [System.Runtime.Serialization.IgnoreDataMember]
    public string Id => RowKey;

    /// <summary>ingest, publish, notify or upload.</summary>
    public string Stage { get; set; } = "";

    public string? SubmissionId { get; set; }

    public string? AgencyId { get; set; }

    /// <summary>What happened, in Chinese, for the operator.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The failed message or blob name, as received, so nothing is lost.</summary>
    public string Payload { get; set; } = "";

    public DateTimeOffset At { get; set; }


    /// <summary>When an operator dealt with it (a retry that was let through), and who.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }
}
