using PublishPipeline.Agencies;
using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Submissions;
using PublishPipeline.Validation;
using static PublishPipeline.Tests.Pipeline.Deadlines.DirectoryEntries;

namespace PublishPipeline.Tests.Pipeline.Deadlines;

public class ReminderPlannerTests
{
    private static readonly DeadlineOptions Defaults = new();

    private static ReminderPlan PlanOn(DateOnly day, IEnumerable<Agency> agencies, ReportProgress? progress = null, DeadlineOptions? options = null) =>
        ReminderPlanner.Plan(day, agencies, (_, _) => progress ?? ReportProgress.NothingUploaded, options ?? Defaults);

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>Every day of the range on which the one agency gets a reminder.</summary>
    private static List<PlannedReminder> Scan(Agency agency, DateOnly from, DateOnly to, DeadlineOptions? options = null) =>
        [.. Days(from, to).SelectMany(day => PlanOn(day, [agency], options: options).Reminders)];

    [Fact]
    public void A_department_is_reminded_14_7_3_and_1_days_before_31_January_and_on_no_other_January_day()
    {
        var reminders = Scan(Agency("lanxi-wenlvj", AgencyLevels.Department), new(2027, 1, 1), new(2027, 1, 31));

        Assert.Equal([new(2027, 1, 17), new(2027, 1, 24), new(2027, 1, 28), new(2027, 1, 30)], reminders.Select(r => r.Day));
        Assert.Equal([14, 7, 3, 1], reminders.Select(r => r.DaysLeft));
        Assert.All(reminders, r =>
        {
            Assert.Equal(2026, r.ReportYear);
            Assert.Equal(new DateOnly(2027, 1, 31), r.Deadline);
            Assert.Equal(ReminderSituation.NotSubmitted, r.Situation);
            Assert.Null(r.LatestVersion);
            Assert.False(r.IsOverdue);
        });
        Assert.Equal("lanxi-wenlvj-2026-20270124", reminders[1].Key);
    }

    [Fact]
    public void The_configured_days_replace_the_default_ones_and_0_means_the_deadline_day()
    {
        var options = new DeadlineOptions { ReminderDaysBefore = [10, 0], OverdueReminders = false };

        var reminders = Scan(Agency("a", AgencyLevels.StateCouncilDepartment), new(2027, 1, 1), new(2027, 2, 28), options);

        Assert.Equal([new(2027, 1, 21), new(2027, 1, 31)], reminders.Select(r => r.Day));
    }

    [Theory]
    [InlineData(AgencyLevels.ProvincialGovernment)]
    [InlineData(AgencyLevels.CityWithDistricts)]
    [InlineData(AgencyLevels.County)]
    public void A_government_report_counts_down_to_31_March_and_is_not_chased_in_January(string level)
    {
        var reminders = Scan(Agency("lanxi", level), new(2027, 1, 1), new(2027, 3, 31), new DeadlineOptions { OverdueReminders = false });

        Assert.Equal([new(2027, 3, 17), new(2027, 3, 24), new(2027, 3, 28), new(2027, 3, 30)], reminders.Select(r => r.Day));
        Assert.All(reminders, r => Assert.Equal(new DateOnly(2027, 3, 31), r.Deadline));
    }

    [Fact]
    public void A_township_is_chased_like_a_department_unless_local_rules_give_it_a_date()
    {
        var township = Agency("qingshan-jiedao", AgencyLevels.Township);
        var local = new DeadlineOptions
        {
            Calendar = DeadlineCalendar.National with { Overrides = new Dictionary<string, (int, int)> { [AgencyLevels.Township] = (2, 20) } },
        };

        Assert.Equal(new DateOnly(2027, 1, 31), Assert.Single(PlanOn(new(2027, 1, 30), [township]).Reminders).Deadline);
        Assert.Empty(PlanOn(new(2027, 1, 30), [township], options: local).Reminders);
        Assert.Equal(new DateOnly(2027, 2, 20), Assert.Single(PlanOn(new(2027, 2, 19), [township], options: local).Reminders).Deadline);
    }

    [Fact]
    public void A_month_end_deadline_falls_on_29_February_in_a_leap_year_and_28_February_otherwise()
    {
        // 岳阳: 部门 by 2月底.
        var options = new DeadlineOptions
        {
            ReminderDaysBefore = [1],
            OverdueReminders = false,
            Calendar = DeadlineCalendar.National with { Overrides = new Dictionary<string, (int, int)> { [AgencyLevels.Department] = (2, 31) } },
        };
        var agency = Agency("yueyang-jyj", AgencyLevels.Department);

        var leap = Assert.Single(Scan(agency, new(2028, 1, 1), new(2028, 3, 31), options));
        var common = Assert.Single(Scan(agency, new(2027, 1, 1), new(2027, 3, 31), options));

        Assert.Equal((new DateOnly(2028, 2, 29), new DateOnly(2028, 2, 28), 2027), (leap.Deadline, leap.Day, leap.ReportYear));
        Assert.Equal((new DateOnly(2027, 2, 28), new DateOnly(2027, 2, 27), 2026), (common.Deadline, common.Day, common.ReportYear));
    }

    [Fact]
    public void A_countdown_longer_than_January_starts_in_December_of_the_report_year()
    {
        var options = new DeadlineOptions { ReminderDaysBefore = [40, 31], OverdueReminders = false };

        var reminders = Scan(Agency("a", AgencyLevels.Department), new(2026, 12, 1), new(2027, 1, 31), options);

        Assert.Equal([new(2026, 12, 22), new(2026, 12, 31)], reminders.Select(r => r.Day));
        Assert.All(reminders, r => Assert.Equal((2026, new DateOnly(2027, 1, 31)), (r.ReportYear, r.Deadline)));
    }

    [Theory]
    [InlineData(SubmissionState.AwaitingReview)]
    [InlineData(SubmissionState.Approved)]
    [InlineData(SubmissionState.Published)]
    public void No_reminder_once_a_version_awaits_review_or_is_approved_or_published(SubmissionState done)
    {
        // Even when a later correction needs changes: the report is in the supervising office's hands or already out.
        foreach (var versions in new[] { new[] { (1, done) }, [(1, SubmissionState.NeedsChanges), (2, done)], [(1, done), (2, SubmissionState.NeedsChanges)] })
        {
            var plan = PlanOn(new(2027, 1, 24), [Agency("a", AgencyLevels.Department)], ReportProgress.FromVersions(versions));

            Assert.Empty(plan.Reminders);
        }
    }

    [Fact]
    public void A_report_that_needs_changes_is_reminded_as_such_with_its_version()
    {
        var progress = ReportProgress.FromVersions([(1, SubmissionState.NeedsChanges), (2, SubmissionState.NeedsChanges), (3, SubmissionState.Rejected)]);

        var reminder = Assert.Single(PlanOn(new(2027, 1, 28), [Agency("a", AgencyLevels.Department)], progress).Reminders);

        Assert.Equal((ReminderSituation.NeedsChanges, 2), (reminder.Situation, reminder.LatestVersion));
    }

    [Theory]
    [InlineData(SubmissionState.Rejected)]
    [InlineData(SubmissionState.Withdrawn)]
    [InlineData(SubmissionState.Failed)]
    public void Only_unreadable_withdrawn_or_failed_versions_count_as_not_submitted(SubmissionState dead)
    {
        var progress = ReportProgress.FromVersions([(1, dead), (2, SubmissionState.Rejected)]);

        var reminder = Assert.Single(PlanOn(new(2027, 1, 28), [Agency("a", AgencyLevels.Department)], progress).Reminders);

        Assert.Equal((ReminderSituation.NotSubmitted, 2), (reminder.Situation, reminder.LatestVersion));
    }

    [Fact]
    public void No_reminder_while_the_latest_upload_is_still_being_read()
    {
        var progress = ReportProgress.FromVersions([(1, SubmissionState.NeedsChanges), (2, SubmissionState.Received)]);

        Assert.Empty(PlanOn(new(2027, 1, 28), [Agency("a", AgencyLevels.Department)], progress).Reminders);
    }

    [Fact]
    public void After_the_deadline_a_missing_report_is_chased_weekly_for_eight_weeks()
    {
        var reminders = Scan(Agency("a", AgencyLevels.Department), new(2027, 2, 1), new(2027, 7, 31));

        Assert.Equal(
            [new(2027, 2, 7), new(2027, 2, 14), new(2027, 2, 21), new(2027, 2, 28), new(2027, 3, 7), new(2027, 3, 14), new(2027, 3, 21), new(2027, 3, 28)],
            reminders.Select(r => r.Day));
        Assert.All(reminders, r => Assert.True(r.IsOverdue));
        Assert.Equal(-7, reminders[0].DaysLeft);
        Assert.Equal("a-2026-20270207", reminders[0].Key);
    }

    [Fact]
    public void A_government_report_overdue_from_31_March_is_chased_for_eight_weeks()
    {
        var reminders = Scan(Agency("a", AgencyLevels.County), new(2027, 4, 1), new(2027, 12, 31));

        Assert.Equal(8, reminders.Count);
        Assert.Equal((new DateOnly(2027, 4, 7), -7), (reminders[0].Day, reminders[0].DaysLeft));
        Assert.Equal((new DateOnly(2027, 5, 26), -56), (reminders[^1].Day, reminders[^1].DaysLeft));
    }

    [Fact]
    public void The_number_of_weekly_reminders_after_the_deadline_is_configurable()
    {
        var reminders = Scan(Agency("a", AgencyLevels.Department), new(2027, 2, 1), new(2027, 12, 31), new DeadlineOptions { OverdueWeeks = 2 });

        Assert.Equal([new(2027, 2, 7), new(2027, 2, 14)], reminders.Select(r => r.Day));
    }

    [Fact]
    public void With_overdue_reminders_off_nothing_is_sent_after_the_deadline()
    {
        var options = new DeadlineOptions { OverdueReminders = false };

        Assert.Empty(Scan(Agency("a", AgencyLevels.Department), new(2027, 2, 1), new(2027, 12, 31), options));
        Assert.Empty(Scan(Agency("b", AgencyLevels.County), new(2027, 4, 1), new(2027, 12, 31), options));
    }

    [Fact]
    public void An_agency_without_submitters_is_skipped_and_named_on_its_reminder_days_only()
    {
        var lookups = 0;
        var agencies = new[] { Agency("no-one", AgencyLevels.Department, submitters: " ; "), Agency("someone", AgencyLevels.Department) };
        ReminderPlan On(DateOnly day) =>
            ReminderPlanner.Plan(day, agencies, (_, _) => { lookups++; return ReportProgress.NothingUploaded; }, Defaults);

        var reminderDay = On(new(2027, 1, 24));
        var ordinaryDay = On(new(2027, 1, 23));

        Assert.Equal("someone", Assert.Single(reminderDay.Reminders).AgencyId);
        Assert.Equal(["no-one"], reminderDay.SkippedWithoutSubmitters);
        Assert.Empty(ordinaryDay.SkippedWithoutSubmitters);
        Assert.Equal(1, lookups);
    }

    [Fact]
    public void Progress_is_looked_up_only_on_reminder_days_for_the_report_due()
    {
        var lookups = new List<(string, int)>();
        var agencies = new[] { Agency("dept", AgencyLevels.Department), Agency("county", AgencyLevels.County) };

        foreach (var day in Days(new(2027, 1, 1), new(2027, 1, 31)))
        {
            ReminderPlanner.Plan(day, agencies, (id, year) => { lookups.Add((id, year)); return ReportProgress.NothingUploaded; }, Defaults);
        }

        Assert.Equal(Enumerable.Repeat(("dept", 2026), 4), lookups);
    }

    [Fact]
    public void An_agency_whose_level_sets_no_deadline_is_named_every_day()
    {
        var plan = PlanOn(new(2027, 1, 24), [Agency("typo", "部 门"), Agency("blank", ""), Agency("ok", AgencyLevels.Department)]);

        Assert.Equal(["typo", "blank"], plan.AgenciesWithoutDeadline);
        Assert.Equal("ok", Assert.Single(plan.Reminders).AgencyId);
    }

    [Fact]
    public void Reminders_come_ordered_by_deadline_then_agency()
    {
        // On 30 January the departments are one day from 31 January and the county sixty days from 31 March.
        var options = new DeadlineOptions { ReminderDaysBefore = [60, 1] };
        var agencies = new[]
        {
            Agency("z-dept", AgencyLevels.Department), Agency("m-county", AgencyLevels.County), Agency("b-dept", AgencyLevels.Department),
        };

        var plan = PlanOn(new(2027, 1, 30), agencies, options: options);

        Assert.Equal(["b-dept", "z-dept", "m-county"], plan.Reminders.Select(r => r.AgencyId));
        Assert.Equal([1, 1, 60], plan.Reminders.Select(r => r.DaysLeft));
    }
}
