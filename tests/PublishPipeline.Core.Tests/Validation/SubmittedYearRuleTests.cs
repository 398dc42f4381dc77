using PublishPipeline.Reports;
using PublishPipeline.Validation;
using static PublishPipeline.Tests.Validation.RuleFixtures;

namespace PublishPipeline.Tests.Validation;

/// <summary>
/// A8: the year a draft was submitted for is the year of its page, so a draft stating another year is an error that
/// names both (issue 9: a 2020 report submitted for 2099 was published over the live 2020 page).
/// </summary>
public class SubmittedYearRuleTests
{
    [Fact]
    public void A8_is_silent_when_the_report_is_of_the_year_it_was_submitted_for()
    {
        Assert.Empty(Run(Consistent(), "A8", Inputs() with { SubmittedForYear = 2021 }));
    }

    [Fact]
    public void A8_names_both_years_when_title_and_period_state_another_year()
    {
        var finding = Assert.Single(Run(Consistent(), "A8", Inputs() with { SubmittedForYear = 2099 }));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(Section("title"), finding.Location);
        Assert.Equal(2099, finding.Expected);
        Assert.Equal(2021, finding.Actual);
        Assert.StartsWith("报告标题和统计期限写的是2021年，但本次提交的是2099年度的报告：请核对年度后重新提交", finding.Message, StringComparison.Ordinal);
        Assert.Contains("请按2021年度提交", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A8_points_to_the_period_when_only_the_period_states_the_year()
    {
        var report = Consistent();
        report.Title = $"{Agency}政府信息公开工作年度报告";

        var finding = Assert.Single(Run(report, "A8", Inputs() with { SubmittedForYear = 2022 }));

        Assert.Equal(Section("preamble"), finding.Location);
        Assert.StartsWith("报告的统计期限写的是2021年，但本次提交的是2022年度的报告", finding.Message, StringComparison.Ordinal);
        Assert.Equal((2022m, 2021m), (finding.Expected, finding.Actual));
    }

    [Fact]
    public void A8_says_the_title_when_the_period_is_of_yet_another_year()
    {
        var report = Consistent();
        report.Period = new ReportPeriod("2020-01-01", "2020-12-31");

        var finding = Assert.Single(Run(report, "A8", Inputs() with { SubmittedForYear = 2022 }));

        Assert.Equal(Section("title"), finding.Location);
        Assert.StartsWith("报告标题写的是2021年，但本次提交的是2022年度的报告", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A8_names_the_report_when_neither_title_nor_period_states_its_year()
    {
        // A JSON draft whose year field alone says 2021.
        var report = Consistent();
        report.Title = $"{Agency}政府信息公开工作年度报告";
        report.Period = null;

        var finding = Assert.Single(Run(report, "A8", Inputs() with { SubmittedForYear = 2023 }));

        Assert.Null(finding.Location);
        Assert.StartsWith("报告写的是2021年，但本次提交的是2023年度的报告", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_that_states_no_year_takes_the_submissions_year_without_an_A8_finding()
    {
        var report = Consistent();
        report.Year = null;
        report.Title = $"{Agency}政府信息公开工作年度报告";

        Assert.Empty(Run(report, "A8", Inputs() with { SubmittedForYear = 2021 }));
        Assert.Empty(Run(report, "A8", Inputs() with { SubmittedForYear = 2099 }));
    }

    [Fact]
    public void Without_the_submitted_year_A8_says_not_checked_once()
    {
        var finding = Assert.Single(Run(Consistent(), "A8", Inputs() with { SubmittedForYear = null }));

        Assert.True(NotChecked.Is(finding), finding.Message);
        Assert.Equal("未检查：缺少本次提交的报告年度，无法核对报告写明的年度是否就是提交的年度", finding.Message);
        Assert.Single(Validator.Validate(Consistent()), f => f.Rule == "A8" && NotChecked.Is(f));
    }
}
