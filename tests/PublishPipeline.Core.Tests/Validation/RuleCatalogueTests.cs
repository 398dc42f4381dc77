using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Validation;

public class RuleCatalogueTests
{
    [Fact]
    public void Consistent_report_with_all_inputs_but_last_years_report_has_only_the_cross_year_note()
    {
        var finding = Assert.Single(RuleFixtures.Validator.Validate(RuleFixtures.Consistent(), RuleFixtures.Inputs()));

        Assert.Equal("G1", finding.Rule);
        Assert.True(NotChecked.Is(finding), finding.Message);
    }

    [Fact]
    public void Without_inputs_each_rule_that_needs_one_says_not_checked_once_and_nothing_else()
    {
        var findings = RuleFixtures.Validator.Validate(RuleFixtures.Consistent());

        Assert.All(findings, f => Assert.True(NotChecked.Is(f), f.Message));
        Assert.Equal(["A2", "A7", "A8", "E2", "E4", "H1", "H5", "G1"], findings.Select(f => f.Rule));
        Assert.All(findings, f => Assert.StartsWith("未检查：缺少", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_without_inputs_equals_validate_with_null_inputs()
    {
        var report = RuleFixtures.Consistent();

        Assert.Equal(RuleFixtures.Validator.Validate(report), RuleFixtures.Validator.Validate(report, null));
    }

    [Fact]
    public void Every_rule_id_is_unique_and_in_the_catalogue()
    {
        var ids = RuleFixtures.Validator.Rules.Select(r => r.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Subset(
            ids.ToHashSet(),
            new HashSet<string> { "A2", "A3", "A4", "A5", "A6", "A7", "A8", "B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "C3", "C4", "C6", "C7", "D5", "E1", "E2", "E3", "E4", "H1", "H5", "I1", "I2", "I3", "I4", "I5" });
    }

    [Fact]
    public void Not_checked_is_only_info_with_the_prefix()
    {
        Assert.True(NotChecked.Is(NotChecked.For("H1", "机关层级")));
        Assert.False(NotChecked.Is(new Finding { Rule = "H1", Severity = Severity.Warning, Message = "未检查：缺少机关层级" }));
        Assert.False(NotChecked.Is(new Finding { Rule = "H1", Severity = Severity.Info, Message = "机关层级未知" }));
    }
}
