using PublishPipeline.Agencies;
using PublishPipeline.Reports;
using PublishPipeline.Validation;
using static PublishPipeline.Tests.Validation.RuleFixtures;

namespace PublishPipeline.Tests.Validation;

public class ProcessRuleTests
{
    [Fact]
    public void H1_is_a_warning_when_published_after_the_local_deadline()
    {
        var report = Consistent();
        report.PublishedOn = "2022-02-25";

        var finding = Assert.Single(Run(report, "H1"));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(5m, finding.Actual);
        Assert.Contains("晚于乡镇街道的发布时限 2022年2月20日（逾期 5 天）", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void H1_uses_the_national_department_deadline()
    {
        var report = Consistent();
        report.PublishedOn = "2022-02-01";

        var finding = Assert.Single(Run(report, "H1", Inputs() with { AgencyLevel = AgencyLevels.Department, DeadlineCalendar = null }));

        Assert.Contains("2022年1月31日（逾期 1 天）", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Run(report, "H1", Inputs() with { AgencyLevel = AgencyLevels.County, DeadlineCalendar = null }));
    }

    [Fact]
    public void H1_notes_a_submission_close_to_the_deadline_and_warns_after_it()
    {
        var report = Consistent();
        report.PublishedOn = null;

        var near = Assert.Single(Run(report, "H1", Inputs() with { SubmittedAt = new DateOnly(2022, 2, 17) }));
        Assert.Equal(Severity.Info, near.Severity);
        Assert.Contains("只剩 3 天", near.Message, StringComparison.Ordinal);

        Assert.Equal(Severity.Warning, Assert.Single(Run(report, "H1", Inputs() with { SubmittedAt = new DateOnly(2022, 2, 21) })).Severity);
        Assert.Empty(Run(report, "H1", Inputs() with { SubmittedAt = new DateOnly(2022, 1, 5) }));
    }

    [Fact]
    public void H1_says_not_checked_for_a_township_under_the_national_calendar()
    {
        var finding = Assert.Single(Run(Consistent(), "H1", Inputs() with { DeadlineCalendar = null }));

        Assert.True(NotChecked.Is(finding));
        Assert.Contains("乡镇街道", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void H5_warns_when_no_approver_was_recorded()
    {
        var finding = Assert.Single(Run(Consistent(), "H5", Inputs() with { SignOff = new SignOffRecord(null, null) }));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.True(NotChecked.Is(Assert.Single(Run(Consistent(), "H5", Inputs() with { SignOff = null }))));
    }

    [Fact]
    public void National_calendar_gives_no_township_deadline_and_overrides_win()
    {
        Assert.Equal(new DateOnly(2022, 1, 31), DeadlineCalendar.National.DeadlineFor(AgencyLevels.StateCouncilDepartment, 2021));
        Assert.Equal(new DateOnly(2022, 3, 31), DeadlineCalendar.National.DeadlineFor(AgencyLevels.ProvincialGovernment, 2021));
        Assert.Null(DeadlineCalendar.National.DeadlineFor(AgencyLevels.Township, 2021));
        var yueyang = new DeadlineCalendar { Overrides = new Dictionary<string, (int, int)> { [AgencyLevels.Department] = (2, 31) } };
        Assert.Equal(new DateOnly(2024, 2, 29), yueyang.DeadlineFor(AgencyLevels.Department, 2023)); // 岳阳 部门: 2月底
    }
}
