using System.Globalization;
using PublishPipeline.Reports;

namespace PublishPipeline.Notices;

/// <summary>The Chinese wording of a supervisor's weekly digest, shared by its HTML and plain-text bodies.</summary>
internal static class SupervisorDigestWording
{
    public const string WhatToDo = "请打开报送进度看板查看全部机关，点击机关名称可查看其报告的处理进度；也可下载 CSV 在表格软件中整理。";

    public static string Date(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static string Subject(SupervisorDigestNotice notice) => FindingText.SingleLine(notice.Overdue > 0
        ? $"【年报督导】{notice.RegionName} {notice.Year} 年度报告：{notice.Overdue} 个机关已逾期未发布"
        : $"【年报督导】{notice.RegionName} {notice.Year} 年度报告报送进度（每周）");

    public static string Headline(SupervisorDigestNotice notice) =>
        $"截至 {Date(notice.Today)}（北京时间），{notice.RegionName}共 {notice.Agencies} 个机关报送 {notice.Year} 年度报告，"
        + (notice.Overdue > 0 ? $"其中 {notice.Overdue} 个已逾期未发布。" : "目前没有逾期未发布的机关。");

    /// <summary>"未报送 3 · 需修改 1 · …", the board's counts in its order.</summary>
    public static string Counts(SupervisorDigestNotice notice) =>
        string.Join(" · ", notice.Counts.Select(c => $"{c.Name} {c.Count}"));

    public static string UrgentHeading(SupervisorDigestNotice notice) => notice.Urgent.Count == 0
        ? "本地区所有机关的报告均已发布。"
        : "尚未发布的机关（紧急的在前）：";

    public static string? NotListed(SupervisorDigestNotice notice) =>
        notice.NotListed > 0 ? $"另有 {notice.NotListed} 个尚未发布的机关未列出，请在看板中查看。" : null;

    public static string Text(SupervisorDigestNotice notice)
    {
        var text = WorkflowWording.StartText(Headline(notice));
        text.AppendLine(Counts(notice)).AppendLine().AppendLine(UrgentHeading(notice));
        for (var i = 0; i < notice.Urgent.Count; i++)
        {
            var item = notice.Urgent[i];
            text.Append(i + 1).Append(". ").Append(item.AgencyName).Append("：").Append(item.StateName).Append("，").Append(item.DaysLeft).AppendLine();
            text.Append("   ").AppendLine(item.Detail);
            text.Append("   截止日期：").AppendLine(item.Deadline);
            if (item.StatusUrl is not null)
            {
                text.Append("   处理进度：").AppendLine(item.StatusUrl);
            }
        }

        if (NotListed(notice) is { } more)
        {
            text.AppendLine(more);
        }

        text.AppendLine().Append("报送进度看板：").AppendLine(notice.BoardUrl);
        text.Append("下载 CSV：").AppendLine(notice.CsvUrl);
        text.AppendLine().AppendLine(WhatToDo);
        return WorkflowWording.EndText(text);
    }
}
