using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Validation;

public partial class RuleCatalogueTests
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
        var catalogue = CatalogueIds();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(catalogue.Contains(id), $"rule {id} is not in docs/RULES.md"));
    }

    /// <summary>
    /// Every rule id the code can emit (as a rule's id, a finding's rule, a not-checked note: any rule-shaped string
    /// literal in the library's source that is not a number format) is listed in docs/RULES.md, and every rule listed
    /// there is emitted somewhere: a new rule without its catalogue entry, or an entry for a rule that was removed,
    /// fails here.
    /// </summary>
    [Fact]
    public void The_catalogue_lists_exactly_the_rules_the_code_emits()
    {
        var functions = Path.Combine(RepoRoot(), "functions");
        var emitted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(functions, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (System.Text.RegularExpressions.Match match in RuleLiteral().Matches(File.ReadAllText(file)))
            {
                if (!match.Groups["format"].Success)
                {
                    emitted.Add(match.Groups["id"].Value);
                }
            }
        }

        var catalogue = CatalogueIds();
        Assert.Contains("A0", emitted);
        Assert.Equal(catalogue, emitted);
    }

    private static SortedSet<string> CatalogueIds() => new(
        CatalogueRow().Matches(File.ReadAllText(Path.Combine(RepoRoot(), "docs", "RULES.md"))).Select(m => m.Groups["id"].Value),
        StringComparer.Ordinal);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PublishPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (PublishPipeline.sln) not found above " + AppContext.BaseDirectory);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\| (?<id>[A-Z][0-9]{1,2}) \|", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex CatalogueRow();

    /// <summary>A rule-shaped literal; one passed as a number format ("D6" for six digits) is not a rule.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"""(?<id>[A-Z][0-9]{1,2})""(?<format>\s*,\s*(System\.Globalization\.)?CultureInfo)?")]
    private static partial System.Text.RegularExpressions.Regex RuleLiteral();

    [Fact]
    public void Not_checked_is_only_info_with_the_prefix()
    {
        Assert.True(NotChecked.Is(NotChecked.For("H1", "机关层级")));
        Assert.False(NotChecked.Is(new Finding { Rule = "H1", Severity = Severity.Warning, Message = "未检查：缺少机关层级" }));
        Assert.False(NotChecked.Is(new Finding { Rule = "H1", Severity = Severity.Info, Message = "机关层级未知" }));
    }
}
