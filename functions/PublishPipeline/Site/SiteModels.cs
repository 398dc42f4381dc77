using PublishPipeline.Reports;

namespace PublishPipeline.Site;

/// <summary>What a public report page shows: the parsed report plus where and when it was published.</summary>
public sealed record ReportPageModel(
    ReportDocument Document,
    string AgencyId,
    string AgencyName,
    DateTimeOffset PublishedAt,
    string SubmissionId)
{
    /// <summary>When this report was first made public, if this page is a correction of it (the page says so).</summary>
    public DateTimeOffset? FirstPublishedAt { get; init; }
}

/// <summary>One published report in an index (home page now; region/agency/year indexes later).</summary>
public sealed record PublishedReportEntry(
    string AgencyId,
    string AgencyName,
    int Year,
    string Title,
    string? Template,
    DateTimeOffset PublishedAt);

public sealed record HomePageModel(IReadOnlyList<PublishedReportEntry> Reports, DateTimeOffset GeneratedAt);
