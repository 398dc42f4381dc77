using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Arithmetic;

/// <summary>
/// D5: table 四 has its three groups (行政复议, 未经复议直接起诉, 复议后起诉) of five values each, 15 in all, in the
/// template's order. PDF and flip-book extractions lose header cells but keep the value row; a short row is reported.
/// </summary>
public sealed class ReviewLitigationShapeRule : IValidationRule
{
    public string Id => "D5";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Report.Tables.ReviewLitigation is not { Count: > 0 } table)
        {
            yield break;
        }

        var template = context.Template.ReviewLitigation;
        var columns = template.Columns.Count;
        var total = table.Values.Sum(cells => cells.Count);
        foreach (var group in template.Groups)
        {
            var label = group.Label.Replace('/', ' ');
            if (!table.TryGetValue(group.Key, out var cells))
            {
                if (TableCells.IsUnread(context, ValidationContext.ReviewLitigation, group.Key))
                {
                    continue;
                }

                yield return Error(group.Key, $"表四缺少「{label}」的 {columns} 个数值（{string.Join("、", template.Columns.Select(c => c.Label))}）：表四应有 3×{columns}=15 个数值，实有 {total} 个", columns, 0);
            }
            else if (cells.Count != columns)
            {
                yield return Error(group.Key, $"表四「{label}」有 {cells.Count} 个数值，应为 {columns} 个（{string.Join("、", template.Columns.Select(c => c.Label))}）：表四应有 15 个数值，实有 {total} 个", columns, cells.Count);
            }
        }

        foreach (var extra in table.Keys.Where(k => template.Groups.All(g => g.Key != k)))
        {
            yield return Error(extra, $"表四多出「{extra}」：表四只有行政复议、未经复议直接起诉、复议后起诉三组", null, null);
        }
    }

    private Finding Error(string group, string message, decimal? expected, decimal? actual) => new()
    {
        Rule = Id,
        Severity = Severity.Error,
        Location = new FindingLocation { Table = ValidationContext.ReviewLitigation, Row = group },
        Message = message,
        Expected = expected,
        Actual = actual,
    };
}
