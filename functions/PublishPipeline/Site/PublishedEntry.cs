using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Site;

/// <summary>One live report on the public site (partition = year, row = agency id): what the indexes list.</summary>
public sealed class PublishedEntry : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string AgencyName { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Template { get; set; }

    public string SubmissionId { get; set; } = "";

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>When the report was first made public, when the live version is a correction of it.</summary>
    public DateTimeOffset? FirstPublishedAt { get; set; }

    public Model.SiteReport ToSiteReport() => new()
    {
        AgencyId = RowKey,
        AgencyName = AgencyName,
        Region = Model.RegionPath.Root,
        Year = int.Parse(PartitionKey, System.Globalization.CultureInfo.InvariantCulture),
        Title = Title,
        Template = Template,
        PublishedAt = PublishedAt,
        FirstPublishedAt = FirstPublishedAt,
        Figures = Model.ReportFigures.Empty,
    };
}
