using PublishPipeline.Reports;

namespace PublishPipeline.Notices;

/// <summary>The Chinese wording of the approval email to the submitters, shared by its HTML and plain-text bodies.</summary>
internal static class ApprovedWording
{
    public const string Immediately = "将立即发布";

    public const string AfterPublication = "发布后将另行通知公开链接。";

    public static string ReportName(ApprovedNotice notice) =>
        WorkflowWording.VersionedReportName(notice.AgencyName, notice.Year, notice.Version);

    /// <summary>"将立即发布" or "将于 2027年1月20日 09:00（北京时间）发布".</summary>
    public static string When(ApprovedNotice notice) =>
        notice.ScheduledAt is { } at ? $"将于 {WorkflowWording.BeijingTime(at)}发布" : Immediately;

    public static string Subject(ApprovedNotice notice) => FindingText.SingleLine($"【年报审核】{ReportName(notice)}已通过审核，{When(notice)}");

    public static string Headline(ApprovedNotice notice) => $"您报送的{ReportName(notice)}已由 {notice.ApprovedBy} 审核批准，{When(notice)}。";

    public static string Text(ApprovedNotice notice)
    {
        var text = WorkflowWording.StartText(Headline(notice));
        text.AppendLine(AfterPublication).AppendLine();
        text.AppendLine("审核信息");
        WorkflowWording.AppendFact(text, "报告", ValidationWording.ReportName(notice.AgencyName, notice.Year));
        WorkflowWording.AppendFact(text, "版本", WorkflowWording.Version(notice.Version));
        WorkflowWording.AppendFact(text, "提交编号", notice.SubmissionId);
        WorkflowWording.AppendFact(text, "审核人", notice.ApprovedBy);
        WorkflowWording.AppendFact(text, "批准时间", WorkflowWording.BeijingTime(notice.ApprovedAt));
        WorkflowWording.AppendFact(text, "发布时间", PublishAt(notice));
        WorkflowWording.AppendFact(text, "处理进度", notice.StatusUrl);
        return WorkflowWording.EndText(text);
    }

    public static string PublishAt(ApprovedNotice notice) =>
        notice.ScheduledAt is { } at ? WorkflowWording.BeijingTime(at) : "立即";
}
