using PublishPipeline.Reports;

namespace PublishPipeline.Notices;

/// <summary>The Chinese wording of the returned-for-changes email to the submitters, shared by its HTML and plain-text bodies.</summary>
internal static class ReturnedWording
{
    public const string NoComments = "（审核人未填写意见）";

    public const string WhatToDo = "请按审核意见修改后重新上传报告。重新上传的版本将再次自动校验，通过后重新提交审核。";

    public static string ReportName(ReturnedNotice notice) =>
        WorkflowWording.VersionedReportName(notice.AgencyName, notice.Year, notice.Version);

    public static string Subject(ReturnedNotice notice) => FindingText.SingleLine($"【年报审核】{ReportName(notice)}已退回修改");

    public static string Headline(ReturnedNotice notice) => $"您报送的{ReportName(notice)}经审核退回修改，审核人：{notice.ReturnedBy}。";

    public static string Text(ReturnedNotice notice)
    {
        var text = WorkflowWording.StartText(Headline(notice));
        text.AppendLine("审核意见");
        WorkflowWording.AppendQuoted(text, WorkflowWording.Lines(notice.Comments), NoComments);
        text.AppendLine();
        text.AppendLine("下一步");
        text.AppendLine(WhatToDo);
        WorkflowWording.AppendFact(text, "处理进度", notice.StatusUrl);
        text.AppendLine();
        text.AppendLine("审核信息");
        WorkflowWording.AppendFact(text, "报告", ValidationWording.ReportName(notice.AgencyName, notice.Year));
        WorkflowWording.AppendFact(text, "版本", WorkflowWording.Version(notice.Version));
        WorkflowWording.AppendFact(text, "提交编号", notice.SubmissionId);
        WorkflowWording.AppendFact(text, "审核人", notice.ReturnedBy);
        WorkflowWording.AppendFact(text, "退回时间", WorkflowWording.BeijingTime(notice.ReturnedAt));
        return WorkflowWording.EndText(text);
    }
}
