using PublishPipeline.Validation;
using PublishPipeline.Validation.Arithmetic;

namespace PublishPipeline.Reports;

/// <summary>
/// The 修改建议 people read under the findings (email, status page, <c>pubpipe validate</c>): for each table whose 勾稽关系
/// fail, the smallest change <see cref="FixSolver"/> finds, cell by cell with the template's row and column labels.
/// </summary>
public static class FixSuggestionText
{
    /// <summary>Said under the suggestions wherever they are shown: they are arithmetic, not a reading of the agency's records.</summary>
    public const string Disclaimer = "以上建议仅依据表内数字的勾稽关系推算，系统不会修改您提交的文件；请核对原始数据后自行修改并重新提交。";

    /// <summary>The heading of the block, in the email, on the status page and in <c>pubpipe validate</c>.</summary>
    public const string Heading = "修改建议（勾稽关系）";

    /// <summary>The D rules whose failures the suggestion answers (D5, table 四's shape, is not arithmetic).</summary>
    private static readonly HashSet<string> ArithmeticRules = ["D1", "D2", "D3", "D4"];

    /// <summary>
    /// One sentence per table whose arithmetic fails, computed from the stored report and its findings; empty when no D1–D4
    /// finding is an error or a warning (a D info finding means blank-as-0 arithmetic holds) or no change of two cells or fewer
    /// fixes the table.
    /// </summary>
    public static IReadOnlyList<string> For(Report? report, IReadOnlyList<Finding> findings)
    {
        var suggestions = Suggestions(report, findings);
        if (suggestions.Count == 0)
        {
            return [];
        }

        var context = new ValidationContext(report!);
        return suggestions.Select(s => Sentence(s, context)).ToList();
    }

    /// <summary>The suggestions <see cref="For"/> words, as data (for <c>pubpipe validate --json</c>).</summary>
    public static IReadOnlyList<FixSuggestion> Suggestions(Report? report, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return report is null || !findings.Any(f => ArithmeticRules.Contains(f.Rule) && f.Severity != Severity.Info)
            ? []
            : FixSolver.Solve(new ValidationContext(report));
    }

    /// <summary>The suggestion in one Chinese sentence.</summary>
    public static string Sentence(FixSuggestion suggestion, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        ArgumentNullException.ThrowIfNull(context);
        var table = ValidationContext.TableName(suggestion.Table);
        if (suggestion.IsUnique)
        {
            var cells = string.Join("、", suggestion.Changes.Select((change, i) =>
                $"{(i == 0 ? table : "")}{Cell(context, change.Cell)}为 {ValidationContext.Number(change.Suggested)}（现为{Current(change.Current)}）"));
            var holds = suggestion.HasUnreadCells ? $"{table}中可以核对的勾稽关系全部成立（未能读出的行不计）" : $"{table}的全部勾稽关系成立";
            return $"若{cells}，则{holds}。";
        }

        var listed = string.Join("、", suggestion.Candidates.Select(c => $"{table}{Cell(context, c.Cell)}（现为{Current(c.Current)}）"));
        var more = suggestion.CandidateCount > suggestion.Candidates.Count ? $"等 {suggestion.CandidateCount} 个单元格" : "";
        var how = suggestion.Size == 1 ? "改动其中任何一个单元格" : "同时改动其中某两个单元格";
        return $"仅凭{table}的数字无法判断哪个单元格有误：{how}都能使勾稽关系全部成立。可能有误的单元格：{listed}{more}。请对照原始台账核实。";
    }

    /// <summary>「（七）总计」行「总计」列: the labels findings use (<see cref="ValidationContext.CellName"/> without the table).</summary>
    private static string Cell(ValidationContext context, CellAddress cell) =>
        $"「{context.RowLabel(cell.Table, cell.Row)}」行「{context.ColumnLabel(cell.Table, cell.Row, cell.Column)}」列";

    private static string Current(CellValue value) => value.Kind switch
    {
        CellKind.Number => " " + ValidationContext.Number(value.Number),
        CellKind.Text => $"文字“{value.Raw}”",
        _ => "空白",
    };
}
