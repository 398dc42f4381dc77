using PublishPipeline.Reports;
using PublishPipeline.Tests.Validation.Narrative;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Validation.CrossYear;

public class CrossYearRulesTests
{
    private const string Overview = "本年度，本局坚持以公开为常态、不公开为例外，围绕中心工作推进政务公开，完善主动公开目录，规范依申请公开办理流程，加强政府网站和政务新媒体管理，落实保密审查制度，开展业务培训，组织专项检查，公开质量和实效不断提升，群众满意度持续提高，各项工作取得新进展。";

    private static Report Year(int year, string overview = Overview, string problems = "")
    {
        var report = NarrativeReports.With(overview);
        report.Year = year;
        report.Sections.Add(new ReportSection { Number = "五", Key = "problems", Heading = "存在的主要问题及改进情况", Text = problems });
        if (year == 2021)
        {
            // What 2022's report continues from: 结转 2 (= 2022's 上年结转), 现行有效 37 (+ 制发 5 − 废止 2 = 40).
            report.Tables.Requests!["carried_out"] = NarrativeReports.Row(2, 0, 0, 0, 0, 0, 2);
            report.Tables.Proactive!["art20_1"]["normative_docs"] = NarrativeReports.Row(3, 1, 37);
        }

        return report;
    }

    private static List<Finding> Cross(Report report, Report? previous) =>
        new ReportValidator().Validate(report, new ValidationInputs { PreviousReport = previous }).Where(f => f.Rule[0] == 'G').ToList();

    [Fact]
    public void Without_a_previous_report_the_group_says_once_that_it_was_not_checked()
    {
        var info = Assert.Single(Cross(Year(2022), null));
        Assert.Equal(("G1", Severity.Info, "未检查：缺少上一年度报告，跨年度核对（G1–G4）未进行"), (info.Rule, info.Severity, info.Message));
        Assert.Equal(info, Assert.Single(new ReportValidator().Validate(Year(2022)), f => f.Rule[0] == 'G'));
    }

    [Fact]
    public void A_previous_report_of_another_year_is_not_used()
    {
        var info = Assert.Single(Cross(Year(2022), Year(2019, "完全不同的一段文字。")));
        Assert.Equal("未检查：缺少2021 年度报告，提供的上一年度报告为 2019 年度，跨年度核对（G1–G4）未进行", info.Message);
    }

    [Fact]
    public void G1_each_column_of_carried_in_equals_last_years_carried_out()
    {
        var previous = Year(2021, "上一年度的总体情况另有写法，与本年度文字并不相同，只说明了少量工作。");
        previous.Tables.Requests!["carried_out"] = NarrativeReports.Row(1, 1, 0, 0, 0, 0, 2);
        var current = Year(2022);

        var findings = Cross(current, previous); // 自然人 2 vs 1, 商业企业 0 vs 1; 总计 2 = 2
        Assert.All(findings, f => Assert.Equal(("G1", Severity.Error, "carried_in"), (f.Rule, f.Severity, f.Location!.Row)));
        Assert.Equal(["natural", "commercial"], findings.Select(f => f.Location!.Column!));
        Assert.Equal((1m, 2m), (findings[0].Expected!.Value, findings[0].Actual!.Value));
    }

    [Fact]
    public void G1_is_a_warning_with_the_reason_when_the_text_mentions_a_reorganisation()
    {
        var previous = Year(2021, "上一年度的总体情况另有写法，与本年度文字并不相同，只说明了少量工作。");
        previous.Tables.Requests!["carried_out"] = NarrativeReports.Row(1, 1, 0, 0, 0, 0, 2);
        var current = Year(2022, Overview + "根据机构改革安排，本局与原档案局合并。");

        var finding = Cross(current, previous)[0];
        Assert.Equal(("G1", Severity.Warning), (finding.Rule, finding.Severity));
        Assert.Contains("机构改革", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void G2_in_force_follows_last_year_plus_issued_minus_repealed()
    {
        var previous = Year(2021, "上一年度的总体情况另有写法，与本年度文字并不相同，只说明了少量工作。");
        previous.Tables.Proactive!["art20_1"]["normative_docs"] = NarrativeReports.Row(3, 1, 36);

        var finding = Assert.Single(Cross(Year(2022), previous)); // 36 + 5 − 2 = 39, the table says 40
        Assert.Equal(("G2", Severity.Warning, "art20_1/normative_docs", 39m, 40m), (finding.Rule, finding.Severity, finding.Location!.Row, finding.Expected!.Value, finding.Actual!.Value));
    }

    [Fact]
    public void G3_the_same_overview_with_only_the_year_changed_is_a_copy()
    {
        var previous = Year(2021, Overview.Replace("本年度", "2021年", StringComparison.Ordinal));

        var finding = Assert.Single(Cross(Year(2022, Overview.Replace("本年度", "2022年", StringComparison.Ordinal)), previous));
        Assert.Equal(("G3", "overview"), (finding.Rule, finding.Location!.Section));
    }

    [Fact]
    public void G4_section_five_must_follow_up_last_years_problems()
    {
        var previous = Year(2021, "上一年度的总体情况另有写法，与本年度文字并不相同，只说明了少量工作。", "一是政策解读形式单一；二是依申请公开答复文书不够规范。");

        var finding = Assert.Single(Cross(Year(2022, problems: "今年网站栏目更新不及时，下一步将加强管理。"), previous));
        Assert.Equal(("G4", "problems"), (finding.Rule, finding.Location!.Section));
        Assert.Empty(Cross(Year(2022, problems: "针对2021年存在的问题，本年度丰富了解读形式。"), previous));
    }
}
