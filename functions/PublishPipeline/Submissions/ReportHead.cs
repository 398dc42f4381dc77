using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Submissions;

/// <summary>
/// The head row of a report's partition: how many versions and audit entries it has and which version is live.
/// Every change in the partition rewrites it under its ETag, which serialises them: two reviewers approving at once,
/// or two uploads racing for the next version number, cannot both commit.
/// </summary>
public sealed class ReportHead : ITableEntity
{
    public const string RowKeyValue = "report";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = RowKeyValue;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string AgencyId { get; set; } = "";

    public int Year { get; set; }

    public int VersionCount { get; set; }

    public int AuditCount { get; set; }

    /// <summary>The version on the public site, if any.</summary>
    public int? PublishedVersion { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
