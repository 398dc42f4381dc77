using PublishPipeline.Agencies;
using PublishPipeline.Reports;
using PublishPipeline.Validation.Identification;
using PublishPipeline.Validation;
using static PublishPipeline.Tests.Validation.RuleFixtures;

namespace PublishPipeline.Tests.Validation;

public class IdentificationRuleTests
{
    [Fact]
    public void A2_fires_when_the_report_names_another_agency()
    {
        var report = Consistent();
        report.Title = "2021年江屿市白沙街道办事处政府信息公开工作年度报告";
        report.Agency = "江屿市白沙街道办事处";

        var finding = Assert.Single(Run(report, "A2"));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(Section("title"), finding.Location);
        Assert.Contains("“江屿市白沙街道办事处”与提交账号所属机关“江屿市青山街道办事处”不一致", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A2_names_the_ocr_lookalike_character()
    {
        var report = Consistent();
        report.Agency = null;
        report.Title = "2021年青山街道办事处政府信息公开工作年度报告";
        var inputs = Inputs() with { ExpectedAgencyName = "青山县人民政府" };
        report.Preamble = "青山县入民政府根据条例编制本报告。" + report.Preamble;

        var finding = Assert.Single(Run(report, "A2", inputs));

        Assert.Equal(Section("preamble"), finding.Location);
        Assert.Contains("第4个字写成了“入”，应为“人”", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A2_accepts_the_name_without_its_city_prefix()
    {
        var report = Consistent();
        report.Title = "2021年青山街道办事处政府信息公开工作年度报告";
        report.Agency = "青山街道办事处";

        Assert.Empty(Run(report, "A2"));
    }

    [Theory]
    [InlineData("上海市科学技术委员会", "2024年上海市科委政府信息公开工作年度报告")]
    [InlineData("沈阳市浑南区民族和宗教事务局", "2021年浑南区民族和宗教事务局政府信息公开工作年度报告")]
    [InlineData("四平市铁东区四马路街道办事处", "2021年铁东区人民政府四马路街道办事处政府信息公开工作年度报告")]
    [InlineData("沈阳市于洪区迎宾路街道办事处", "2021年迎宾路街道政府信息公开工作年度报告")]
    [InlineData("兰溪市文化和旅游局", "兰溪市文旅局2021年政府信息公开工作年度报告")]
    public void A2_accepts_the_forms_reports_commonly_print(string registered, string title)
    {
        var report = Consistent();
        report.Agency = null;
        report.Title = title;

        Assert.Empty(Run(report, "A2", Inputs() with { ExpectedAgencyName = registered }));
    }

    [Theory]
    [InlineData("兰溪市文化和旅游局", "2021年义乌市文化和旅游局政府信息公开工作年度报告")]
    [InlineData("兰溪市文化和旅游局", "2021年义乌市文旅局政府信息公开工作年度报告")]
    [InlineData("上海市科学技术委员会", "2024年北京市科委政府信息公开工作年度报告")]
    [InlineData("沈阳市浑南区民族和宗教事务局", "2021年民族和宗教事务局政府信息公开工作年度报告")]
    [InlineData("沈阳市于洪区迎宾路街道办事处", "2021年于洪区黄海路街道政府信息公开工作年度报告")]
    public void A2_still_fires_on_another_agency_in_a_short_form(string registered, string title)
    {
        var report = Consistent();
        report.Agency = null;
        report.Title = title;

        var finding = Assert.Single(Run(report, "A2", Inputs() with { ExpectedAgencyName = registered }));
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Theory]
    [InlineData("沈阳市浑南区民族和宗教事务局", "沈阳市|浑南区", "民族和宗教事务局")]
    [InlineData("兰溪市市场监督管理局", "兰溪市", "市场监督管理局")]
    [InlineData("青山县人民政府", "青山县", "人民政府")]
    [InlineData("内蒙古自治区阿拉善盟教育局", "内蒙古自治区|阿拉善盟", "教育局")]
    [InlineData("国家统计局", "", "国家统计局")]
    public void Agency_names_split_into_regions_and_body(string name, string regions, string body)
    {
        var split = AgencyNameForms.Split(name);

        Assert.Equal(regions.Split('|', StringSplitOptions.RemoveEmptyEntries), split.Regions);
        Assert.Equal(body, split.Body);
    }

    [Fact]
    public void A3_fires_on_a_period_that_ends_early_and_warns_on_a_missing_one()
    {
        var report = Consistent();
        report.Period = new ReportPeriod("2021-01-01", "2021-11-30");

        var wrong = Assert.Single(Run(report, "A3"));
        Assert.Equal(Severity.Error, wrong.Severity);
        Assert.Contains("2021年1月1日至2021年11月30日，应为 2021年1月1日至2021年12月31日", wrong.Message, StringComparison.Ordinal);

        report.Period = null;
        var missing = Assert.Single(Run(report, "A3"));
        Assert.Equal(Severity.Warning, missing.Severity);
        Assert.Equal(Section("preamble"), missing.Location);
    }

    [Fact]
    public void A4_fires_when_published_before_the_year_ends()
    {
        var report = Consistent();
        report.PublishedOn = "2021-12-23";

        var finding = Assert.Single(Run(report, "A4"));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("2021年12月23日，早于统计年度结束（2021年12月31日）", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A4_uses_the_recorded_publication_date_and_says_not_checked_without_any()
    {
        var report = Consistent();
        report.PublishedOn = null;

        Assert.Single(Run(report, "A4", Inputs() with { PublishedAt = new DateOnly(2021, 12, 1) }), f => f.Severity == Severity.Warning);
        Assert.True(NotChecked.Is(Assert.Single(Run(report, "A4"))));
    }

    [Fact]
    public void A5_fires_on_a_sentence_opening_with_last_year()
    {
        var report = Consistent();
        report.Section("overview").Text += "\n2020年，我街道继续推进政务公开。";

        var finding = Assert.Single(Run(report, "A5"));

        Assert.Equal(Section("overview"), finding.Location);
        Assert.Contains("以 2020 年开头，但本报告是 2021 年度报告", finding.Message, StringComparison.Ordinal);
        Assert.Contains("2020年，我街道继续推进政务公开。", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A5_fires_when_title_and_period_years_differ()
    {
        var report = Consistent();
        report.Period = new ReportPeriod("2020-01-01", "2020-12-31");

        Assert.Contains(Run(report, "A5"), f => f.Message.Contains("统计期限的年份 2020 与标题中的报告年度 2021 不一致", StringComparison.Ordinal));
    }

    [Fact]
    public void A6_fires_when_a_2021_report_cites_the_2019_notice()
    {
        var report = Consistent();
        report.Preamble = report.Preamble!.Replace("国办公开办函〔2021〕30号", "国办公开办函〔2019〕60号", StringComparison.Ordinal);

        var finding = Assert.Single(Run(report, "A6"));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(Section("preamble"), finding.Location);
        Assert.Contains("引用了“国办公开办函〔2019〕60号”", finding.Message, StringComparison.Ordinal);
        Assert.Contains("国办公开办函〔2021〕30号", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A7_reports_an_unknown_level_and_a_name_that_reads_like_another_level()
    {
        var unknown = Assert.Single(Run(Consistent(), "A7", Inputs() with { AgencyLevel = "村委会" }));
        Assert.Contains("不是已知层级", unknown.Message, StringComparison.Ordinal);

        var mismatch = Assert.Single(Run(Consistent(), "A7", Inputs() with { AgencyLevel = AgencyLevels.Department }));
        Assert.Equal(Severity.Info, mismatch.Severity);
        Assert.Contains("看起来是“乡镇街道”", mismatch.Message, StringComparison.Ordinal);
    }
}
