using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Process;

/// <summary>
/// H1: published by the deadline for the agency's level (条例 第四十九条: departments by 1月31日, 本级政府 by 3月31日;
/// local calendars override). Published late, or submitted after the deadline, is an error; a submission in the last
/// <see cref="WarningDays"/> days before it is a warning, so the reviewer knows there is no time for a second round.
/// </summary>
public sealed class DeadlineRule : IValidationRule
{
    internal const int WarningDays = 5;

    public string Id => "H1";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = context.Inputs;
        var location = new FindingLocation { Section = "published_at" };
        if (context.Report.Year is not { } year)
        {
            yield break;
        }

        if (inputs.AgencyLevel is not { } level)
        {
            yield return NotChecked.For(Id, "机关层级", "无法确定发布时限", location);
            yield break;
        }

        var calendar = inputs.DeadlineCalendar ?? DeadlineCalendar.National;
        if (calendar.DeadlineFor(level, year) is not { } deadline)
        {
            yield return NotChecked.For(Id, $"“{level}”的发布时限（条例未规定全国统一时限，请在时限日历中配置本地规定）", null, location);
            yield break;
        }

        var (published, _) = PublicationDate.Of(context);
        var submitted = inputs.SubmittedAt;
        var due = $"{deadline.Year}年{deadline.Month}月{deadline.Day}日";
        if (published is { } p)
        {
            if (p > deadline)
            {
                yield return Error(location, deadline, p, $"{year} 年度报告于 {Show(p)} 发布，晚于{level}的发布时限 {due}（逾期 {p.DayNumber - deadline.DayNumber} 天）");
            }

            yield break;
        }

        if (submitted is not { } s)
        {
            yield return NotChecked.For(Id, "提交日期和发布日期", $"无法核对是否在 {due} 前发布", location);
            yield break;
        }

        if (s > deadline)
        {
            yield return Error(location, deadline, s, $"{year} 年度报告于 {Show(s)} 才提交，已超过{level}的发布时限 {due}（逾期 {s.DayNumber - deadline.DayNumber} 天）：请尽快完成审核发布，并说明逾期原因");
        }
        else if (deadline.DayNumber - s.DayNumber <= WarningDays)
        {
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Info,
                Location = location,
                Message = $"{year} 年度报告于 {Show(s)} 提交，距{level}的发布时限 {due} 只剩 {deadline.DayNumber - s.DayNumber} 天：请尽快修改并完成审核发布，以免逾期",
            };
        }
    }

    private static string Show(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    // Late is a warning, not an error: an error blocks publication, and a late report must still be published.
    // The lateness goes to the submitter and the reviewer, with the days overdue.
    private Finding Error(FindingLocation location, DateOnly deadline, DateOnly actual, string message) => new()
    {
        Rule = Id,
        Severity = Severity.Warning,
        Location = location,
        Message = message,
        Expected = 0, // days late
        Actual = actual.DayNumber - deadline.DayNumber,
    };
}
