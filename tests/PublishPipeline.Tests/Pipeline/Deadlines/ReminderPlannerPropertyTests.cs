using CsCheck;
using PublishPipeline.Agencies;
using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Validation;
using static PublishPipeline.Tests.Pipeline.Deadlines.DirectoryEntries;

namespace PublishPipeline.Tests.Pipeline.Deadlines;

/// <summary>Whatever the level, local deadline and countdown days: each configured day fires once, weekly chasing stops after the configured weeks.</summary>
public class ReminderPlannerPropertyTests
{
    private static readonly Gen<(string Level, int Month, int Day, int ReportYear)> Setups =
        Gen.Select(Gen.OneOf(AgencyLevels.All.ToArray()), Gen.Int[1, 12], Gen.Int[1, 31], Gen.Int[2020, 2040]);

    private static DeadlineOptions Options(string level, int month, int day, IReadOnlyList<int> daysBefore, bool overdue) => new()
    {
        ReminderDaysBefore = daysBefore,
        OverdueReminders = overdue,
        Calendar = DeadlineCalendar.National with { Overrides = new Dictionary<string, (int, int)> { [level] = (month, day) } },
    };

    private static List<PlannedReminder> Scan(string level, DeadlineOptions options, DateOnly from, DateOnly to)
    {
        var agency = Agency("a", level);
        var reminders = new List<PlannedReminder>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            reminders.AddRange(ReminderPlanner.Plan(day, [agency], (_, _) => ReportProgress.NothingUploaded, options).Reminders);
        }

        return reminders;
    }

    [Fact]
    public void Every_configured_day_before_fires_exactly_once_for_each_report()
    {
        Gen.Select(Setups, Gen.Int[0, 80].List[0, 5]).Sample((setup, daysBefore) =>
        {
            var options = Options(setup.Level, setup.Month, setup.Day, daysBefore, overdue: false);

            var reminders = Scan(setup.Level, options, new(setup.ReportYear, 9, 1), new(setup.ReportYear + 1, 12, 31))
                .Where(r => r.ReportYear == setup.ReportYear).ToList();

            Assert.Equal(daysBefore.Distinct().Order(), reminders.Select(r => r.DaysLeft).Order());
            var deadline = Assert.Single(reminders.Select(r => r.Deadline).Distinct().DefaultIfEmpty(new DateOnly(setup.ReportYear + 1, setup.Month, 1)));
            Assert.Equal((setup.ReportYear + 1, setup.Month), (deadline.Year, deadline.Month));
            Assert.All(reminders, r => Assert.Equal(r.Deadline, r.Day.AddDays(r.DaysLeft)));
            Assert.Equal(reminders.Count, reminders.Select(r => r.Key).Distinct().Count());
        }, iter: 60);
    }

    [Fact]
    public void Overdue_reminders_fall_every_seventh_day_for_the_configured_weeks()
    {
        Gen.Select(Setups, Gen.Int[0, 52]).Sample((setup, weeks) =>
        {
            var options = Options(setup.Level, setup.Month, setup.Day, [], overdue: true);
            options.OverdueWeeks = weeks;
            var deadline = new DateOnly(setup.ReportYear + 1, setup.Month, Math.Min(setup.Day, DateTime.DaysInMonth(setup.ReportYear + 1, setup.Month)));

            var reminders = Scan(setup.Level, options, deadline, deadline.AddDays((7 * weeks) + 30)).Where(r => r.ReportYear == setup.ReportYear).ToList();

            Assert.Equal([.. Enumerable.Range(1, weeks).Select(w => deadline.AddDays(7 * w))], reminders.Select(r => r.Day));
            Assert.All(reminders, r => Assert.Equal((deadline, r.Day.DayNumber - deadline.DayNumber), (r.Deadline, -r.DaysLeft)));
        }, iter: 60);
    }
}
