using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// F4: what the narrative says about 行政复议/行政诉讼 agrees with table 四: counts (vs 总计), 纠错/败诉 counts and
/// 未被纠错 (vs 结果纠正), 未发生 (总计 = 0), 均获维持 (纠正, 其他, 尚未审结 all 0), 正在办理中 (尚未审结 ≥ 1).
/// </summary>
public sealed class ReviewLitigationClaimRule : IValidationRule
{
    public string Id => "F4";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Report.Tables.ReviewLitigation is null)
        {
            yield break;
        }

        var table = new TableQuantities(context);
        foreach (var statement in context.Statements)
        {
            var groups = TableQuantities.ReviewGroups(statement.Group);
            var what = statement.Group switch { "review" => "行政复议", "litigation" => "行政诉讼", _ => "行政复议和行政诉讼" };
            var finding = statement.Kind switch
            {
                StatementKind.CaseCount => Compare(statement, table, groups, "total", statement.Value, $"{what}总计"),
                StatementKind.CorrectedCount => Compare(statement, table, groups, "corrected", statement.Value, $"{what}结果纠正"),
                StatementKind.NoCases => Compare(statement, table, groups, "total", 0, $"{what}总计"),
                StatementKind.AllUpheld => Upheld(statement, table, groups, what),
                StatementKind.Pending when table.ReviewSum(groups, "pending") is 0 =>
                    Create(statement, groups, "pending", $"正文说案件尚在办理（“{statement.Phrase}”），但表四{what}「尚未审结」为 0", 1, 0),
                _ => null,
            };
            if (finding is not null)
            {
                yield return finding;
            }
        }
    }

    private Finding? Compare(NarrativeStatement statement, TableQuantities table, IReadOnlyList<string> groups, string column, decimal? said, string name)
    {
        if (said is not { } value || table.ReviewSum(groups, column) is not { } actual || actual == value)
        {
            return null;
        }

        return Create(statement, groups, column, $"“{statement.Phrase}”与表四「{name}」不一致：表中为 {TableQuantities.Show(actual)}，正文为 {TableQuantities.Show(value)}", actual, value);
    }

    private Finding? Upheld(NarrativeStatement statement, TableQuantities table, IReadOnlyList<string> groups, string what)
    {
        var others = new[] { ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结") }
            .Select(c => (c.Item2, Value: table.ReviewSum(groups, c.Item1)))
            .Where(c => c.Value is > 0)
            .ToList();
        return others.Count == 0
            ? null
            : Create(statement, groups, null, $"正文称“{statement.Phrase}”，但表四{what}有 {string.Join("、", others.Select(o => $"「{o.Item1}」{TableQuantities.Show(o.Value!.Value)} 件"))}，并非均获维持", 0, others.Sum(o => o.Value!.Value));
    }

    private Finding Create(NarrativeStatement statement, IReadOnlyList<string> groups, string? column, string says, decimal? expected, decimal? actual) =>
        NarrativeFinding.Create(Id, Severity.Error, statement, says, ValidationContext.ReviewLitigation, groups.Count == 1 ? groups[0] : null, column, expected, actual);
}
