using PublishPipeline.Calendar;
using PublishPipeline.Reports;

namespace PublishPipeline.Notices;

/// <summary>The Chinese wording of a reviewer's daily digest, shared by its HTML and plain-text bodies.</summary>
internal static class ReviewDigestWording
{
    public const string WhatToDo = "请打开各报告的预览页核对内容，再在处理进度页「批准」或「退回修改」。";

    /// <summary>Oldest first, so the report that has waited longest is at the top; ties in a stable, readable order.</summary>
    public static IReadOnlyList<ReviewDigestItem> Ordered(ReviewDigestNotice notice) =>
        notice.Items
            .OrderBy(i => i.SubmittedAt)
            .ThenBy(i => i.AgencyName, StringComparer.Ordinal)
            .ThenBy(i => i.SubmissionId, StringComparer.Ordinal)
            .ToList();

    /// <summary>Whole Beijing calendar days between submission and the digest (never negative).</summary>
    public static int WaitingDays(ReviewDigestNotice notice, ReviewDigestItem item)
    {
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(notice.AsOf).DateTime);
        var submitted = DateOnly.FromDateTime(ChinaTime.ToChina(item.SubmittedAt).DateTime);
        return Math.Max(0, today.DayNumber - submitted.DayNumber);
    }

    public static string Waiting(ReviewDigestNotice notice, ReviewDigestItem item) =>
        WaitingDays(notice, item) is var days and > 0 ? $"{days} 天" : "当天";

    public static string Subject(ReviewDigestNotice notice) => FindingText.SingleLine(notice.Items.Count == 0
        ? "【年报审核】目前没有等待您审核的年度报告"
        : $"【年报审核】您有 {notice.Items.Count} 份年度报告等待审核");

    public static string Headline(ReviewDigestNotice notice)
    {
        var asOf = WorkflowWording.BeijingTime(notice.AsOf);
        if (notice.Items.Count == 0)
        {
            return $"截至 {asOf}，没有等待您审核的年度报告。";
        }

        var longest = notice.Items.Max(i => WaitingDays(notice, i));
        return $"截至 {asOf}，有 {notice.Items.Count} 份年度报告等待您审核，按提交时间从早到晚排列"
            + (longest > 0 ? $"，最早的一份已等待 {longest} 天。" : "。");
    }

    public static string Text(ReviewDigestNotice notice)
    {
        var text = WorkflowWording.StartText(Headline(notice));
        var items = Ordered(notice);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            text.Append(i + 1).Append(". ").AppendLine(WorkflowWording.VersionedReportName(item.AgencyName, item.Year, item.Version));
            text.Append("   提交时间：").AppendLine(WorkflowWording.BeijingTime(item.SubmittedAt));
            text.Append("   已等待：").AppendLine(Waiting(notice, item));
            text.Append("   提示：").Append(item.Warnings).AppendLine(" 处");
            text.Append("   提交编号：").AppendLine(item.SubmissionId);
            text.Append("   预览：").AppendLine(item.PreviewUrl);
        }

        if (items.Count > 0)
        {
            text.AppendLine().AppendLine(WhatToDo);
        }

        return WorkflowWording.EndText(text);
    }
}
