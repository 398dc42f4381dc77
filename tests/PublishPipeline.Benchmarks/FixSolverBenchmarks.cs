using BenchmarkDotNet.Attributes;
using PublishPipeline.Reports;
using PublishPipeline.Validation;
using PublishPipeline.Validation.Arithmetic;

namespace PublishPipeline.Benchmarks;

/// <summary>
/// The 修改建议 solver on the 2021 table 三 (25 rows × 7 columns, 39 equations): one wrong cell (found among the singles),
/// two wrong cells (singles, then the pairs), and the worst case: three scattered errors, where no change of two cells helps
/// and every one of the 15,225 pairs is tried; the last again with an unread row, whose seven cells join every system as unknowns.
/// </summary>
[MemoryDiagnoser]
public class FixSolverBenchmarks
{
    private static readonly ReportTemplate Template = TemplateCatalog.Get("2021");
    private Report oneWrong = new();
    private Report twoWrong = new();
    private Report threeWrong = new();
    private Report threeWrongUnread = new();

    [GlobalSetup]
    public void Setup()
    {
        oneWrong = With(("total", 6, 1));
        twoWrong = With(("r1", 0, 5), ("r2", 1, 3));
        threeWrong = With(("r1", 0, 1), ("r3_1", 2, 2), ("r5_1", 4, 3));
        threeWrongUnread = With(("r1", 0, 1), ("r3_1", 2, 2), ("r5_1", 4, 3));
        threeWrongUnread.Tables.Requests!.Remove("r3_2");
        threeWrongUnread.Tables.Unread = [new UnreadRow(ValidationContext.Requests, "r3_2", "1234567", 2)];
    }

    [Benchmark(Baseline = true)]
    public FixSuggestion? OneWrongCell() => FixSolver.Solve(oneWrong, Template, ValidationContext.Requests);

    [Benchmark]
    public FixSuggestion? TwoWrongCells() => FixSolver.Solve(twoWrong, Template, ValidationContext.Requests);

    [Benchmark]
    public FixSuggestion? NoFixWithinTwoCells() => FixSolver.Solve(threeWrong, Template, ValidationContext.Requests);

    [Benchmark]
    public FixSuggestion? NoFixWithinTwoCellsWithAnUnreadRow() => FixSolver.Solve(threeWrongUnread, Template, ValidationContext.Requests);

    /// <summary>A table 三 that adds up (each result cell 1–7, carried in 1, carried out 2), with the given cells raised.</summary>
    private static Report With(params (string Row, int Column, int Raise)[] changes)
    {
        var columns = Template.Requests.Columns.Count;
        var rows = Template.Requests.Rows.ToDictionary(r => r.Key, _ => new decimal[columns]);
        var results = Template.Requests.ResultRows.Select(r => r.Key).ToList();
        for (var c = 0; c < columns - 1; c++)
        {
            for (var r = 0; r < results.Count; r++)
            {
                rows[results[r]][c] = ((r * 3) + c) % 7 + 1;
            }

            rows["total"][c] = results.Sum(r => rows[r][c]);
            rows["carried_in"][c] = 1;
            rows["carried_out"][c] = 2;
            rows["new"][c] = rows["total"][c] + 1;
        }

        foreach (var cells in rows.Values)
        {
            cells[columns - 1] = cells[..^1].Sum();
        }

        foreach (var (row, column, raise) in changes)
        {
            rows[row][column] += raise;
        }

        return new Report
        {
            Template = Template.Id,
            Year = 2021,
            Tables = new ReportTables { Requests = rows.ToDictionary(r => r.Key, r => r.Value.Select(CellValue.Of).ToList()) },
        };
    }
}
