using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Submissions;

/// <summary>
/// A region in the directory with the supervisors of its 政务公开办: the people who follow every agency of the region
/// (the supervisor board, the regional roll-up) and nothing outside it. An agency belongs to the region when its own
/// region path is the region's path or lies below it (浙江省/金华市/兰溪市 covers 浙江省/金华市/兰溪市/云山街道).
/// Stored in the agency directory's table under a partition of its own.
/// </summary>
public sealed class SupervisedRegion : ITableEntity
{
    public const string PartitionKeyValue = "region";

    public string PartitionKey { get; set; } = PartitionKeyValue;

    /// <summary>The region id: a lowercase slug such as <c>lanxi</c>, used in URLs (same rule as an agency id).</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    [IgnoreDataMember]
    public string Id => RowKey;

    /// <summary>How people name the region: 兰溪市.</summary>
    public string Name { get; set; } = "";

    /// <summary>The region path, as agencies' <see cref="Agency.Region"/> spell it: 浙江省/金华市/兰溪市.</summary>
    public string Region { get; set; } = "";

    /// <summary>The supervising office: 兰溪市人民政府办公室（政务公开办）.</summary>
    public string Office { get; set; } = "";

    /// <summary>Supervisor emails, ';'-separated, lower-cased and de-duplicated by the CSV import.</summary>
    public string Supervisors { get; set; } = "";

    [IgnoreDataMember]
    public IReadOnlyList<string> SupervisorEmails =>
        Supervisors.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether the agency lies in this region: its path is the region's or starts with it, part by part.</summary>
    public bool Covers(Agency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return Covers(agency.Region);
    }

    /// <summary>Whether a region path is this region's or lies below it (part by part: 兰溪市 does not cover 兰溪市郊).</summary>
    public bool Covers(string regionPath)
    {
        ArgumentNullException.ThrowIfNull(regionPath);
        return Region.Length > 0
            && (string.Equals(regionPath, Region, StringComparison.Ordinal)
                || regionPath.StartsWith(Region + "/", StringComparison.Ordinal));
    }
}
