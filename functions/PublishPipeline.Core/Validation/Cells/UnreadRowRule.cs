using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Cells;

/// <summary>
/// C7 (added here): a row printed with its cells run together ("8855698") that no unique split reads
/// (<see cref="ReportTables.Unread"/>). The table cannot be read exactly from this copy; the row is not checked by any
/// other rule, and the finding asks for the original document.
/// </summary>
public sealed class UnreadRowRule : IValidationRule
{
    public string Id => "C7";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var row in context.Report.Tables.Unread ?? [])
        {
            var name = $"{ValidationContext.TableName(row.Table)}「{context.RowLabel(row.Table, row.Row)}」";
            var splits = row.Candidates switch
            {
                0 => "没有一种拆分能满足本表的算术关系",
                not 1 when row.Table == ValidationContext.Proactive && context.Template.Proactive.Any(p => row.Row.StartsWith(p.Key + "/", StringComparison.Ordinal) && p.Columns.Count > 1)
                    => $"可以拆成 {Count(row.Candidates)} 种不同的数字组合，而这一行没有可供判断的算术关系",
                _ => $"有 {Count(row.Candidates)} 种拆分都满足本表的算术关系",
            };
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Warning,
                Location = new FindingLocation { Table = row.Table, Row = row.Row },
                Actual = row.Candidates < 0 ? null : row.Candidates,
                Message = $"{name}在本文本中印作“{row.Printed}”，各单元格的数字连在一起，没有分隔：{splits}，"
                    + "无法从这份文本准确读出本表，这一行的数字未作任何核对。请提供原始文件（Word 或 PDF）",
            };
        }
    }

    private static string Count(int candidates) => candidates < 0 ? "很多" : candidates.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
