using PublishPipeline.Agencies;
using PublishPipeline.Reports;
using PublishPipeline.Validation;
using static PublishPipeline.Tests.Validation.RuleFixtures;

namespace PublishPipeline.Tests.Validation;

public class PlausibilityRuleTests
{
    [Fact]
    public void E1_fires_when_more_is_carried_out_than_came_in()
    {
        var report = Consistent();
        report.Tables.Requests!["carried_out"][0] = CellValue.Of(5); // 3 + 1 = 4 came in

        var finding = Assert.Single(Run(report, "E1"));

        Assert.Equal(Cell("requests", "carried_out", "natural"), finding.Location);
        Assert.Equal((4m, 5m), (finding.Expected, finding.Actual));
        Assert.Contains("表三「四、结转下年度继续办理」行「自然人」列为 5", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AgencyLevels.Township, true)]
    [InlineData(AgencyLevels.County, true)]
    [InlineData(AgencyLevels.CityWithDistricts, false)]
    [InlineData(AgencyLevels.Department, false)]
    public void E2_fires_on_regulations_only_below_rule_making_level(string level, bool fires)
    {
        var report = Consistent();
        report.Tables.Proactive!["art20_1"]["rules"][2] = CellValue.Of(4);

        var findings = Run(report, "E2", Inputs() with { AgencyLevel = level });

        if (fires)
        {
            var finding = Assert.Single(findings);
            Assert.Equal(Cell("proactive", "art20_1/rules", "in_force"), finding.Location);
            Assert.Equal((0m, 4m), (finding.Expected, finding.Actual));
        }
        else
        {
            Assert.Empty(findings);
        }
    }

    [Fact]
    public void E2_says_not_checked_without_a_level()
    {
        var finding = Assert.Single(Run(Consistent(), "E2", Inputs() with { AgencyLevel = null }));

        Assert.True(NotChecked.Is(finding));
    }

    [Fact]
    public void E3_fires_when_fewer_are_in_force_than_issued_and_not_repealed()
    {
        var report = Consistent();
        report.Tables.Proactive!["art20_1"]["normative_docs"] = [CellValue.Of(9), CellValue.Of(1), CellValue.Of(5)];

        var finding = Assert.Single(Run(report, "E3"));

        Assert.Equal(Cell("proactive", "art20_1/normative_docs", "in_force"), finding.Location);
        Assert.Equal((8m, 5m), (finding.Expected, finding.Actual));
    }

    [Fact]
    public void E4_fires_on_many_normative_documents_for_a_county_department()
    {
        var report = Consistent();
        report.Tables.Proactive!["art20_1"]["normative_docs"] = [CellValue.Of(3), CellValue.Of(0), CellValue.Of(101)];
        var inputs = Inputs() with { AgencyLevel = AgencyLevels.Department, AgencyRegion = "广东省/湛江市/徐闻县", ExpectedAgencyName = null };

        var finding = Assert.Single(Run(report, "E4", inputs));

        Assert.Equal(Cell("proactive", "art20_1/normative_docs", "in_force"), finding.Location);
        Assert.Contains("对县级部门而言明显偏多", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Run(report, "E4", inputs with { AgencyRegion = "广东省" }));
    }
}
