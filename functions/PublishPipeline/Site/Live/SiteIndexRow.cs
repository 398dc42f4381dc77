using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Site.Live;

/// <summary>One row of the live site's index table: a key and the JSON of what it holds (see <see cref="SiteIndexKeys"/>).</summary>
public sealed class SiteIndexRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The row's record as JSON (a <see cref="SiteReportRecord"/>, <see cref="RegionSummaryRecord"/> …).</summary>
    public string Json { get; set; } = "";
}
