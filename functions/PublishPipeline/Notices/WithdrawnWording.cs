using PublishPipeline.Reports;

namespace PublishPipeline.Notices;

/// <summary>The Chinese wording of the withdrawal email to the submitters and reviewers, shared by its HTML and plain-text bodies.</summary>
internal static class WithdrawnWording
{
    public const string NoReason = "（未填写原因）";

    public const string TakenDown = "该版本此前已公开发布，公开页面已撤下。";

    public static string ReportName(WithdrawnNotice notice) =>
        WorkflowWording.VersionedReportName(notice.AgencyName, notice.Year, notice.Version);

    public static string Subject(WithdrawnNotice notice) =>
        FindingText.SingleLine($"【年报撤回】{ReportName(notice)}已撤回{(notice.WasPublished ? "，公开页面已撤下" : "")}");

    public static string Headline(WithdrawnNotice notice) => $"{ReportName(notice)}已由 {notice.WithdrawnBy} 撤回。";

    public static string Text(WithdrawnNotice notice)
    {
        var text = WorkflowWording.StartText(Headline(notice));
        if (notice.WasPublished)
        {
            text.AppendLine(TakenDown).AppendLine();
        }

        text.AppendLine("撤回原因");
        WorkflowWording.AppendQuoted(text, WorkflowWording.Lines(notice.Reason), NoReason);
        text.AppendLine();
        text.AppendLine("撤回信息");
        WorkflowWording.AppendFact(text, "报告", ValidationWording.ReportName(notice.AgencyName, notice.Year));
        WorkflowWording.AppendFact(text, "版本", WorkflowWording.Version(notice.Version));
        WorkflowWording.AppendFact(text, "提交编号", notice.SubmissionId);
        WorkflowWording.AppendFact(text, "撤回人", notice.WithdrawnBy);
        WorkflowWording.AppendFact(text, "撤回时间", WorkflowWording.BeijingTime(notice.WithdrawnAt));
        WorkflowWording.AppendFact(text, "处理进度", notice.StatusUrl);
        return WorkflowWording.EndText(text);
    }
}
