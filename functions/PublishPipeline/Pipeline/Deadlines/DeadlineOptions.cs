using Microsoft.Extensions.Configuration;
using PublishPipeline.Validation;

namespace PublishPipeline.Pipeline.Deadlines;

/// <summary>
/// Deadline reminders and the reviewers' digest (configuration section "Deadlines"). Register it with
/// <see cref="DeadlineOptionsConfiguration.AddDeadlineOptions"/>, not <c>BindConfiguration</c>: the configuration binder
/// silently ignores a list written as one string (<c>Deadlines__ReminderDaysBefore=14,7,3,1</c>), which is how an app
/// setting carries it.
/// </summary>
public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>
    /// How many days before the deadline an agency that has not submitted is reminded; 0 is the deadline day itself.
    /// From configuration as <c>"14,7,3,1"</c> or as an indexed list; an empty value turns these reminders off.
    /// </summary>
    public IReadOnlyList<int> ReminderDaysBefore { get; set; } = [14, 7, 3, 1];

    /// <summary>
    /// The deadlines by agency level: the national ones (条例 第四十九条) unless local rules override a level. From
    /// configuration as <c>Deadlines__LocalDeadlines="部门=2-28;乡镇街道=2-20"</c> (level=month-day, a day past the
    /// month's end meaning its last day).
    /// </summary>
    [ConfigurationKeyName("LocalDeadlines")]
    public DeadlineCalendar Calendar { get; set; } = DeadlineCalendar.National;

    /// <summary>Whether reviewers get a daily digest of the reports waiting for them.</summary>
    public bool DigestEnabled { get; set; } = true;

    /// <summary>
    /// Whether an agency still missing its report after the deadline keeps being reminded: once a week (on the
    /// deadline's weekday), not daily, because a daily mail about something already late trains people to filter it
    /// while a weekly one stays readable; and only for <see cref="OverdueWeeks"/> weeks, after which chasing belongs to
    /// the supervising office's people, not a timer.
    /// </summary>
    public bool OverdueReminders { get; set; } = true;

    /// <summary>
    /// How many weekly reminders follow a missed deadline (default 8: after 1月31日 the last comes in late March, still
    /// in the first quarter; after 3月31日, in late May). A fixed count rather than "until the deadline's quarter ends",
    /// which would give the 3月31日 reports, due on a quarter's last day, no chasing at all.
    /// </summary>
    public int OverdueWeeks { get; set; } = 8;

    /// <summary>Whether each region's supervisors get a weekly digest of their board (counts, the urgent agencies first).</summary>
    public bool SupervisorDigestEnabled { get; set; } = true;

    /// <summary>
    /// The Beijing weekday the supervisors' digest goes out (default Monday: the week's chasing starts from it). From
    /// configuration as <c>Deadlines__SupervisorDigestDay=Monday</c> (English day name, or 1–7 with 1 = Monday).
    /// </summary>
    public DayOfWeek SupervisorDigestDay { get; set; } = DayOfWeek.Monday;
}
