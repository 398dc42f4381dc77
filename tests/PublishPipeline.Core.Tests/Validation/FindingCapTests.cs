using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Validation;

public class FindingCapTests
{
    private static Finding F(string rule, int n) => new() { Rule = rule, Severity = Severity.Error, Message = $"{rule}#{n}" };

    [Fact]
    public void Keeps_n_per_rule_and_marks_the_last_kept_with_the_count_left_out()
    {
        var findings = Enumerable.Range(1, 5).Select(i => F("D3", i)).Concat([F("D1", 1)]).Concat(Enumerable.Range(1, 3).Select(i => F("C1", i))).ToList();

        var capped = FindingCap.Apply(findings, 3);

        Assert.Equal(["D3#1", "D3#2", "D3#3", "D1#1", "C1#1", "C1#2", "C1#3"], capped.Select(f => f.Message));
        Assert.Equal(2, capped[2].Omitted);
        Assert.All(capped.Where(f => f != capped[2]), f => Assert.Null(f.Omitted));
        Assert.Equal(["D3"], FindingSummary.Of(capped).PartialRules!);
    }

    [Fact]
    public void Under_the_cap_nothing_changes_and_the_summary_has_no_partial_rules()
    {
        var findings = new[] { F("D1", 1), F("D1", 2) };

        Assert.Same(findings, FindingCap.Apply(findings, 2));
        Assert.Null(FindingSummary.Of(findings).PartialRules);
    }

    [Fact]
    public void The_validator_caps_a_table_broken_everywhere()
    {
        var report = PublishPipeline.Tests.TestReports.Full("2021").Report; // every cell distinct: D3 fails on all 25 rows

        var findings = new ReportValidator { MaxFindingsPerRule = 5 }.Validate(report);

        Assert.Equal(5, findings.Count(f => f.Rule == "D3"));
        Assert.Equal(20, findings.Last(f => f.Rule == "D3").Omitted);
    }
}
