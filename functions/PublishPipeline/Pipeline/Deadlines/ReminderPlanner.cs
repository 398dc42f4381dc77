using PublishPipeline.Agencies;
using PublishPipeline.Submissions;
using PublishPipeline.Validation;

namespace PublishPipeline.Pipeline.Deadlines;

/// <summary>
/// Decides which agencies get a deadline reminder on a given Beijing day. Pure: the caller passes the date, the
/// directory and a way to look up a report's progress, and records <see cref="PlannedReminder.Key"/> to send once.
/// </summary>
public static class ReminderPlanner
{
    public static ReminderPlan Plan(
        DateOnly todayInBeijing,
        IEnumerable<Agency> agencies,
        Func<string, int, ReportProgress> progress,
        DeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(options);

        var reminders = new List<PlannedReminder>();
        var withoutSubmitters = new List<string>();
        var withoutDeadline = new List<string>();
        foreach (var agency in agencies)
        {
            if (DeadlineFor(options.Calendar, agency.Level, todayInBeijing.Year) is null)
            {
                withoutDeadline.Add(agency.Id);
                continue;
            }

            // Last year's report is the one due. This year's only matters when reminders start far enough ahead to reach
            // back into December, the year before last's only when overdue chasing runs for most of a year.
            foreach (var reportYear in (ReadOnlySpan<int>)[todayInBeijing.Year - 2, todayInBeijing.Year - 1, todayInBeijing.Year])
            {
                var deadline = DeadlineFor(options.Calendar, agency.Level, reportYear)!.Value;
                var daysLeft = deadline.DayNumber - todayInBeijing.DayNumber;
                if (!IsReminderDay(daysLeft, options))
                {
                    continue;
                }

                // Checked only on a reminder day, so the operator log names the agencies that actually missed a mail.
                if (agency.SubmitterEmails.Count == 0)
                {
                    withoutSubmitters.Add(agency.Id);
                    continue;
                }

                // Looked up only on a reminder day: most days cost no storage read at all.
                var report = progress(agency.Id, reportYear);
                if (SituationOf(report) is { } situation)
                {
                    reminders.Add(new PlannedReminder(
                        agency.Id, reportYear, deadline, daysLeft, situation, report.LatestVersion, todayInBeijing));
                }
            }
        }

        return new ReminderPlan(
            [.. reminders.OrderBy(r => r.Deadline).ThenBy(r => r.AgencyId, StringComparer.Ordinal).ThenBy(r => r.ReportYear)],
            [.. withoutSubmitters.Distinct(StringComparer.Ordinal)],
            withoutDeadline);
    }

    /// <summary>
    /// The deadline reminders count down to. 条例 第四十九条 sets 1月31日 for 县级以上人民政府部门 and 3月31日 for the 本级政府
    /// report, and no date for 乡镇街道. For reminders a 乡镇街道 is treated like a department (1月31日): the earliest
    /// national date is the safe one to chase, and local rules commonly collect 乡镇 reports with the departments'.
    /// A local override for 乡镇街道 in the calendar wins over this.
    /// </summary>
    public static DateOnly? DeadlineFor(DeadlineCalendar calendar, string level, int reportYear)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.DeadlineFor(level, reportYear)
            ?? (level == AgencyLevels.Township ? calendar.DeadlineFor(AgencyLevels.Department, reportYear) : null);
    }

    /// <summary>Whether a reminder is due: nothing once the agency's part is done or a version is still being read.</summary>
    public static ReminderSituation? SituationOf(ReportProgress report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.InReviewOrDone)
        {
            return null;
        }

        return report.LatestState switch
        {
            null or SubmissionState.Rejected or SubmissionState.Withdrawn or SubmissionState.Failed or SubmissionState.Superseded
                => ReminderSituation.NotSubmitted,
            SubmissionState.NeedsChanges => ReminderSituation.NeedsChanges,
            // Received: an upload is being read right now; its result mail follows within minutes.
            _ => null,
        };
    }

    private static bool IsReminderDay(int daysLeft, DeadlineOptions options) =>
        daysLeft >= 0
            ? options.ReminderDaysBefore.Contains(daysLeft)
            : options.OverdueReminders && -daysLeft % 7 == 0 && -daysLeft / 7 <= options.OverdueWeeks;
}
