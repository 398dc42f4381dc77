using PublishPipeline.Reports;
using static PublishPipeline.Tests.Validation.RuleFixtures;

namespace PublishPipeline.Tests.Validation;

public class StructureRuleTests
{
    [Fact]
    public void B1_fires_on_a_missing_part()
    {
        var report = Consistent();
        report.Sections.RemoveAll(s => s.Key == "review_litigation");

        var finding = Assert.Single(Run(report, "B1"));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(Section("review_litigation"), finding.Location);
        Assert.Contains("缺少第四部分「四、政府信息公开行政复议、行政诉讼情况」", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B1_fires_on_a_renumbered_and_a_repeated_part()
    {
        var report = Consistent();
        report.Sections.Add(new ReportSection { Number = "二", Key = "requests", Heading = "收到和处理政府信息公开申请情况" });

        var finding = Assert.Single(Run(report, "B1"));

        Assert.Contains("重复出现", finding.Message, StringComparison.Ordinal);

        report = Consistent();
        report.Section("problems").Number = "四";
        Assert.Contains("编号应为“五”", Assert.Single(Run(report, "B1")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B2_fires_on_a_part_with_a_heading_but_no_table()
    {
        var report = Consistent();
        report.Tables.Requests = null;

        var finding = Assert.Single(Run(report, "B2"));

        Assert.Equal(new FindingLocation { Section = "requests", Table = "requests" }, finding.Location);
        Assert.Contains("第三部分「收到和处理政府信息公开申请情况」只有标题，没有表三", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B3_fires_when_a_2022_report_uses_the_2019_tables()
    {
        var report = Consistent();
        report.Year = 2022;
        report.Template = "2019";
        report.Title = report.Title!.Replace("2021", "2022", StringComparison.Ordinal);

        var finding = Assert.Single(Run(report, "B3"));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("2022 年度报告应使用国办公开办函〔2021〕30号", finding.Message, StringComparison.Ordinal);
        Assert.Contains("本年新制作数量", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B3_fires_on_a_single_other_processing_row_in_a_2021_table()
    {
        var report = Consistent();
        report.Tables.Requests!["r6"] = report.Tables.Requests["r6_1"];

        var finding = Assert.Single(Run(report, "B3"));

        Assert.Equal(Cell("requests", "r6"), finding.Location);
    }

    [Fact]
    public void B4_fires_on_each_missing_and_extra_row_and_wrong_cell_count()
    {
        var report = Consistent();
        report.Tables.Requests!.Remove("r3_8");
        report.Tables.Proactive!["art20_6"]["penalty"].Add(CellValue.Of(1));
        report.Tables.Proactive["art20_1"]["other_docs"] = [CellValue.Of(1), CellValue.Of(0), CellValue.Of(1)];

        var findings = Run(report, "B4");

        Assert.Equal(3, findings.Count);
        Assert.Contains(findings, f => f.Location == Cell("requests", "r3_8") && f.Message.Contains("表三缺少「（三）不予公开 8.属于行政查询事项」行", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Location == Cell("proactive", "art20_6/penalty") && f.Expected == 1 && f.Actual == 2);
        Assert.Contains(findings, f => f.Location == Cell("proactive", "art20_1/other_docs") && f.Message.Contains("多出", StringComparison.Ordinal));
    }

    [Fact]
    public void B5_fires_on_label_drift_recorded_by_the_reader()
    {
        var report = Consistent();
        report.Tables.Labels = new()
        {
            ["proactive/art20_1/rules"] = "规章(县级无此项)",
            ["proactive/art20_1/normative_docs"] = "规范性文件",
            ["requests/r1"] = "(一)予以公开",
        };

        var findings = Run(report, "B5");

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Location == Cell("proactive", "art20_1/rules") && f.Message.Contains("附加了说明", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Location == Cell("proactive", "art20_1/normative_docs") && f.Message.Contains("应为“行政规范性文件”", StringComparison.Ordinal));
    }

    [Fact]
    public void B6_names_the_missing_overview_topics()
    {
        var report = Consistent();
        report.Section("overview").Text = "本街道主动公开政府信息120条，全年收到依申请公开3件。";

        var finding = Assert.Single(Run(report, "B6"));

        Assert.Contains("“政府信息管理”、“政府信息公开平台建设”、“监督保障”", finding.Message, StringComparison.Ordinal);
        Assert.Contains("“工作考核”", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B7_fires_when_part_six_says_nothing_about_fees()
    {
        var report = Consistent();
        report.Section("other").Text = "无其他需要报告的事项。";

        Assert.Equal(Section("other"), Assert.Single(Run(report, "B7")).Location);
    }

    [Fact]
    public void B8_fires_on_a_boilerplate_part_five()
    {
        var report = Consistent();
        report.Section("problems").Text = "无。";

        var finding = Assert.Single(Run(report, "B8"));

        Assert.Contains("只有“无”", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B9_fires_when_six_parts_are_announced_and_five_listed()
    {
        var report = Consistent();
        report.Preamble = report.Preamble!.Replace("收到和处理政府信息公开申请情况、", "", StringComparison.Ordinal);

        var finding = Assert.Single(Run(report, "B9"));

        Assert.Equal(Section("preamble"), finding.Location);
        Assert.Equal((6m, 5m), (finding.Expected, finding.Actual));
        Assert.Contains("缺少“收到和处理政府信息公开申请情况”", finding.Message, StringComparison.Ordinal);
    }
}
