using PublishPipeline.Reports;

namespace PublishPipeline.Site;

/// <summary>
/// The heading of a report page: the draft's own title, else the national format's wording. One place, because the
/// public page, its preview and the document title must all say the same thing.
/// </summary>
internal static class ReportTitle
{
    public static string For(Report report, string agencyName) =>
        !string.IsNullOrWhiteSpace(report.Title)
            ? report.Title
            : report.Year is int year ? $"{year}年{agencyName}政府信息公开工作年度报告" : $"{agencyName}政府信息公开工作年度报告";
}
