using PublishPipeline.Reports;

namespace PublishPipeline.Notices;

/// <summary>The Chinese wording of the deadline reminder to an agency's submitters, shared by its HTML and plain-text bodies.</summary>
internal static class DeadlineReminderWording
{
    public const string WhatToDo = "请通过以下链接上传报告。上传后系统将自动校验，通过后提交上级审核。";

    public static string ReportName(DeadlineReminderNotice notice) => ValidationWording.ReportName(notice.AgencyName, notice.ReportYear);

    public static string Deadline(DeadlineReminderNotice notice) => WorkflowWording.Date(notice.Deadline);

    /// <summary>"还剩 5 天", "今天截止", or "已逾期 2 天".</summary>
    public static string DaysLeft(DeadlineReminderNotice notice) => notice.DaysLeft switch
    {
        > 0 => $"还剩 {notice.DaysLeft} 天",
        0 => "今天截止",
        _ => $"已逾期 {-notice.DaysLeft} 天",
    };

    /// <summary>"最新版本（第 2 版）", or "最新版本" when the sender does not know its number.</summary>
    public static string LatestVersion(DeadlineReminderNotice notice) =>
        notice.LatestVersion is int version ? $"最新版本（第 {version} 版）" : "最新版本";

    public static string Subject(DeadlineReminderNotice notice)
    {
        var situation = notice.Situation == DeadlineSituation.NeedsChanges ? "尚待修改" : "尚未报送";
        return FindingText.SingleLine($"【年报提醒】{ReportName(notice)}{situation}，报送截止日期{Deadline(notice)}（{DaysLeft(notice)}）");
    }

    public static string Headline(DeadlineReminderNotice notice)
    {
        var situation = notice.Situation == DeadlineSituation.NeedsChanges
            ? $"贵机关报送的{ReportName(notice)}{LatestVersion(notice)}尚须修改，修改后的版本尚未报送。"
            : $"截至目前，贵机关尚未报送{ReportName(notice)}。";
        var deadline = notice.DaysLeft switch
        {
            > 0 => $"报送截止日期为{Deadline(notice)}，距截止还有 {notice.DaysLeft} 天。",
            0 => $"报送截止日期为{Deadline(notice)}，即今天。",
            _ => $"报送截止日期为{Deadline(notice)}，已逾期 {-notice.DaysLeft} 天，请尽快报送。",
        };
        return situation + deadline;
    }

    public static string Situation(DeadlineReminderNotice notice) =>
        notice.Situation == DeadlineSituation.NeedsChanges ? $"{LatestVersion(notice)}尚须修改" : "尚未报送";

    public static string Text(DeadlineReminderNotice notice)
    {
        var text = WorkflowWording.StartText(Headline(notice));
        text.AppendLine(WhatToDo);
        WorkflowWording.AppendFact(text, "上传报告", notice.SubmitUrl);
        text.AppendLine();
        text.AppendLine("报送信息");
        WorkflowWording.AppendFact(text, "报告", ReportName(notice));
        WorkflowWording.AppendFact(text, "报送情况", Situation(notice));
        WorkflowWording.AppendFact(text, "截止日期", Deadline(notice));
        WorkflowWording.AppendFact(text, "剩余时间", DaysLeft(notice));
        return WorkflowWording.EndText(text);
    }
}
