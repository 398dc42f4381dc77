using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

/// <summary>
/// Keeps at most N findings per rule, in the order the rule produced them, and marks the last kept one with how many
/// were left out: a table broken everywhere gives 20 D3 findings and a note, not 175 lines that hide everything else.
/// </summary>
public static class FindingCap
{
    public const int DefaultPerRule = 20;

    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, int maxPerRule)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerRule, 1);
        Dictionary<string, int>? counts = null;
        foreach (var finding in findings)
        {
            counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
            counts[finding.Rule] = counts.GetValueOrDefault(finding.Rule) + 1;
        }

        if (counts is null || counts.Values.All(c => c <= maxPerRule))
        {
            return findings;
        }

        var kept = new List<Finding>(findings.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            var index = seen[finding.Rule] = seen.GetValueOrDefault(finding.Rule) + 1;
            var total = counts[finding.Rule];
            if (index < maxPerRule || (index == maxPerRule && total == maxPerRule))
            {
                kept.Add(finding);
            }
            else if (index == maxPerRule)
            {
                kept.Add(finding with { Omitted = total - maxPerRule });
            }
        }

        return kept;
    }
}
