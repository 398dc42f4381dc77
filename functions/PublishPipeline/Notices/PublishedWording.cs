using PublishPipeline.Reports;

namespace PublishPipeline.Notices;

/// <summary>The Chinese wording of the publication notice, shared by its HTML and plain-text bodies.</summary>
internal static class PublishedWording
{
    public static string Subject(PublishedNotice notice) =>
        FindingText.SingleLine($"【年报发布】{ValidationWording.ReportName(notice.AgencyName, notice.Year)}{(notice.ReplacesVersion is null ? "" : "更正版本")}已公开发布");

    /// <summary>Said only when this version corrects one that was already public.</summary>
    public static string? CorrectionNote(PublishedNotice notice) =>
        notice.ReplacesVersion is int replaced ? $"本次发布为更正版本，已替换此前公开的第 {replaced} 版。" : null;

    public static string Headline(PublishedNotice notice) =>
        $"{ValidationWording.ReportName(notice.AgencyName, notice.Year)}已在政府信息公开工作年度报告网站公开发布，公众可通过以下链接查阅和下载。";

    public static string WarningsNote(PublishedNotice notice) =>
        $"校验时有 {notice.Warnings} 处提示未作修改，供编制下一年度报告时参考。";
}
