using PublishPipeline.Reports;

namespace PublishPipeline.Notices;

/// <summary>The Chinese wording of the review request to the reviewers, shared by its HTML and plain-text bodies.</summary>
internal static class ReviewRequestWording
{
    /// <summary>The email lists only the first warnings; the preview page shows them all.</summary>
    public const int ListedWarnings = 5;

    public const string WhatToDo =
        "请先打开预览页核对报告内容，再在处理进度页选择「批准」（报告随即发布或按设定时间发布），或选择「退回修改」并填写审核意见，系统会通知报送人。";

    public static string Subject(ReviewRequestNotice notice) =>
        FindingText.SingleLine($"【年报审核】{ReportName(notice)}已通过自动校验，等待审核");

    public static string ReportName(ReviewRequestNotice notice) =>
        WorkflowWording.VersionedReportName(notice.AgencyName, notice.Year, notice.Version);

    public static string Headline(ReviewRequestNotice notice) => $"{ReportName(notice)}已通过自动校验，等待您审核。";

    public static IReadOnlyList<Finding> Warnings(ReviewRequestNotice notice) =>
        notice.Findings.Where(f => f.Severity == Severity.Warning).ToList();

    public static IReadOnlyList<Finding> ListedWarningsOf(ReviewRequestNotice notice) => Warnings(notice).Take(ListedWarnings).ToList();

    public static string WarningsSummary(ReviewRequestNotice notice)
    {
        var count = Warnings(notice).Count;
        return count switch
        {
            0 => "自动校验未发现错误，也没有提示。",
            _ when count > ListedWarnings => $"自动校验未发现错误，有 {count} 处提示，以下列出前 {ListedWarnings} 处，全部提示请在预览页查看。",
            _ => $"自动校验未发现错误，有 {count} 处提示，请审核时留意。",
        };
    }

    public static string WarningsHeading(ReviewRequestNotice notice) =>
        Warnings(notice).Count > ListedWarnings ? $"提示（共 {Warnings(notice).Count} 处，前 {ListedWarnings} 处）" : $"提示（{Warnings(notice).Count} 处）";

    public static string Text(ReviewRequestNotice notice)
    {
        var text = WorkflowWording.StartText(Headline(notice));
        text.AppendLine(WarningsSummary(notice)).AppendLine();
        var listed = ListedWarningsOf(notice);
        if (listed.Count > 0)
        {
            text.AppendLine(WarningsHeading(notice));
            for (var i = 0; i < listed.Count; i++)
            {
                text.Append(i + 1).Append(". ").AppendLine(listed[i].Message);
                text.Append("   位置：").AppendLine(FindingText.Location(listed[i], notice.Year));
                text.Append("   规则：").AppendLine(listed[i].Rule);
            }

            text.AppendLine();
        }

        text.AppendLine("如何处理");
        text.AppendLine(WhatToDo);
        WorkflowWording.AppendFact(text, "预览", notice.PreviewUrl);
        WorkflowWording.AppendFact(text, "处理进度", notice.StatusUrl);
        text.AppendLine();
        text.AppendLine("提交信息");
        WorkflowWording.AppendFact(text, "报告", ValidationWording.ReportName(notice.AgencyName, notice.Year));
        WorkflowWording.AppendFact(text, "版本", WorkflowWording.Version(notice.Version));
        WorkflowWording.AppendFact(text, "提交编号", notice.SubmissionId);
        WorkflowWording.AppendFact(text, "文件名", notice.FileName);
        WorkflowWording.AppendFact(text, "提交人", notice.SubmittedBy);
        WorkflowWording.AppendFact(text, "提交时间", WorkflowWording.BeijingTime(notice.SubmittedAt));
        return WorkflowWording.EndText(text);
    }
}
