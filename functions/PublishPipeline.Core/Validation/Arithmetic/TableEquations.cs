using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Arithmetic;

/// <summary>One cell of table 三 or 四 by its contract keys: the table, the row (or group) and the column index.</summary>
public sealed record CellAddress(string Table, string Row, int Column);

/// <summary>A cell with its sign in an equation.</summary>
public sealed record EquationTerm(CellAddress Cell, int Coefficient);

/// <summary>
/// One arithmetic relation of a table written as Σ coefficient × cell = 0, with the D rule that checks it and the cell that
/// rule's finding points at.
/// </summary>
public sealed record TableEquation(string Rule, CellAddress Target, IReadOnlyList<EquationTerm> Terms);

/// <summary>
/// The one description of the 勾稽关系 of tables 三 and 四 (CHECKS.md D1–D4): which rows and columns add up to which. The
/// D rules take their rows and columns from here and <see cref="FixSolver"/> builds its equations from here, so the rules
/// and the suggested fix cannot disagree about what "adds up" means.
/// </summary>
public static class TableEquations
{
    /// <summary>一、本年新收政府信息公开申请数量.</summary>
    public const string Received = "new";

    /// <summary>二、上年结转政府信息公开申请数量.</summary>
    public const string CarriedIn = "carried_in";

    /// <summary>三、本年度办理结果 （七）总计: the row D1 and D2 both use.</summary>
    public const string ResultTotal = "total";

    /// <summary>四、结转下年度继续办理.</summary>
    public const string CarriedOut = "carried_out";

    /// <summary>In tables 三 and 四 the last column (总计) is the sum of all the columns before it (D3, D4).</summary>
    public static int SumColumn(int columnCount) => columnCount - 1;

    /// <summary>Every equation of the table (requests or review_litigation) in the template's row and column order.</summary>
    public static IReadOnlyList<TableEquation> For(ReportTemplate template, string table)
    {
        ArgumentNullException.ThrowIfNull(template);
        return table switch
        {
            ValidationContext.Requests => Requests(template.Requests),
            ValidationContext.ReviewLitigation => ReviewLitigation(template.ReviewLitigation),
            _ => [],
        };
    }

    private static List<TableEquation> Requests(RequestsTable requests)
    {
        const string table = ValidationContext.Requests;
        var equations = new List<TableEquation>();
        var columns = requests.Columns.Count;

        // D1, per column: 一 + 二 − (七)总计 − 四 = 0.
        for (var c = 0; c < columns; c++)
        {
            equations.Add(new TableEquation("D1", new CellAddress(table, CarriedOut, c),
            [
                new(new CellAddress(table, Received, c), 1),
                new(new CellAddress(table, CarriedIn, c), 1),
                new(new CellAddress(table, ResultTotal, c), -1),
                new(new CellAddress(table, CarriedOut, c), -1),
            ]));
        }

        // D2, per column: Σ result rows − (七)总计 = 0.
        var resultRows = requests.ResultRows.Select(r => r.Key).ToList();
        for (var c = 0; c < columns; c++)
        {
            var terms = resultRows.Select(row => new EquationTerm(new CellAddress(table, row, c), 1)).ToList();
            terms.Add(new EquationTerm(new CellAddress(table, ResultTotal, c), -1));
            equations.Add(new TableEquation("D2", new CellAddress(table, ResultTotal, c), terms));
        }

        // D3, per row: Σ applicant columns − 总计 = 0.
        foreach (var row in requests.Rows)
        {
            equations.Add(RowSum("D3", table, row.Key, columns));
        }

        return equations;
    }

    private static List<TableEquation> ReviewLitigation(ReviewLitigationTable reviewLitigation) =>
        reviewLitigation.Groups.Select(g => RowSum("D4", ValidationContext.ReviewLitigation, g.Key, reviewLitigation.Columns.Count)).ToList();

    private static TableEquation RowSum(string rule, string table, string row, int columns)
    {
        var sum = SumColumn(columns);
        var terms = Enumerable.Range(0, sum).Select(c => new EquationTerm(new CellAddress(table, row, c), 1)).ToList();
        terms.Add(new EquationTerm(new CellAddress(table, row, sum), -1));
        return new TableEquation(rule, new CellAddress(table, row, sum), terms);
    }
}
