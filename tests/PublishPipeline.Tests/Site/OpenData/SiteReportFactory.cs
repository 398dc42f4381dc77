using PublishPipeline.Site.Model;

namespace PublishPipeline.Tests.Site.OpenData;

/// <summary>Live reports as the indexes list them, with distinct facts per agency so a misplaced value is caught.</summary>
internal static class SiteReportFactory
{
    public static readonly DateTimeOffset Base = new(2022, 1, 20, 2, 0, 0, TimeSpan.Zero);

    public static SiteReport Report(
        string agencyId,
        string region,
        int year = 2020,
        DateTimeOffset? publishedAt = null,
        string? name = null,
        string? title = null)
    {
        var agencyName = name ?? agencyId + "局";
        return new SiteReport
        {
            AgencyId = agencyId,
            AgencyName = agencyName,
            Region = RegionPath.Parse(region),
            Year = year,
            Title = title ?? $"{year}年{agencyName}政府信息公开工作年度报告",
            Template = year >= 2021 ? "2021" : "2019",
            PublishedAt = publishedAt ?? Base,
            Figures = ReportFigures.Of(TestReports.Full(year >= 2021 ? "2021" : "2019").Report),
        };
    }

    public static SiteReport Corrected(SiteReport report, DateTimeOffset correctedAt, string note, int version = 2) => report with
    {
        FirstPublishedAt = report.PublishedAt,
        PublishedAt = correctedAt,
        Version = version,
        EarlierVersions = [new EarlierVersion(version - 1, report.PublishedAt, correctedAt)],
        CorrectionNote = note,
    };
}
