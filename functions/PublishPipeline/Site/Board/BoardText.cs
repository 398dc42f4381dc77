using System.Globalization;
using PublishPipeline.Calendar;

namespace PublishPipeline.Site.Board;

/// <summary>The board's words, shared by the page, the CSV and (as given text) the weekly digest.</summary>
public static class BoardText
{
    public const string NotSubmitted = "未报送";

    public static string StatusName(BoardStatus status) => status switch
    {
        BoardStatus.NotSubmitted => NotSubmitted,
        BoardStatus.NeedsChanges => "需修改",
        BoardStatus.Processing => "校验中",
        BoardStatus.AwaitingReview => "待审核",
        BoardStatus.Approved => "已批准待发布",
        BoardStatus.Published => "已发布",
        _ => status.ToString(),
    };

    /// <summary>"还剩 5 天", "今天截止", "已逾期 2 天"; for a published report "按期发布" or "逾期 3 天发布"; "无统一截止日期".</summary>
    public static string Deadline(BoardRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.DaysLate is { } late)
        {
            return late > 0 ? $"逾期 {Number(late)} 天发布" : "按期发布";
        }

        return row.DaysLeft switch
        {
            null => "无统一截止日期",
            0 => "今天截止",
            > 0 and var left => $"还剩 {Number(left)} 天",
            var overdue => $"已逾期 {Number(-overdue.Value)} 天",
        };
    }

    /// <summary>"2027年1月31日", or — when the level has no deadline.</summary>
    public static string DeadlineDate(DateOnly? deadline) =>
        deadline is { } day ? day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : PrivatePageText.None;

    public static string Time(DateTimeOffset instant) => ChinaTime.FormatDateTime(instant);

    /// <summary>"浙江省兰溪市 2026 年度报告报送进度".</summary>
    public static string Title(string regionName, int year) => $"{regionName} {Number(year)} 年度报告报送进度";

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
