using CsCheck;
using PublishPipeline.Reports;
using PublishPipeline.Validation;
using PublishPipeline.Validation.Arithmetic;

namespace PublishPipeline.Tests.Validation.Fixes;

/// <summary>
/// Tables that add up, cells addressed one by one, and a brute-force oracle for the smallest fixes: it tries every cell and
/// every pair of cells directly on the equations (no elimination), so it checks <see cref="FixSolver"/> by a different road.
/// </summary>
internal static class FixTables
{
    public const int Applicants = 6;

    public static readonly string[] Tables = [ValidationContext.Requests, ValidationContext.ReviewLitigation];

    /// <summary>Consistent tables 三 and 四 of a template: one free count per degree of freedom, the rest follows from D1–D4.</summary>
    public static Gen<Report> Consistent(string templateId)
    {
        var template = TemplateCatalog.Get(templateId);
        var results = template.Requests.ResultRows.Count();
        return Gen.Int[0, 40].Array[(Applicants * (results + 2)) + 12].Select(values => Build(template, values));
    }

    public static Report Build(ReportTemplate template, int[] values)
    {
        var results = template.Requests.ResultRows.Select(r => r.Key).ToList();
        var next = 0;
        var rows = template.Requests.Rows.ToDictionary(r => r.Key, _ => new decimal[Applicants + 1]);
        for (var c = 0; c < Applicants; c++)
        {
            decimal total = 0;
            foreach (var row in results)
            {
                rows[row][c] = values[next++];
                total += rows[row][c];
            }

            var carriedOut = values[next++];
            var carriedIn = values[next++] % (total + carriedOut + 1);
            rows[TableEquations.ResultTotal][c] = total;
            rows[TableEquations.CarriedOut][c] = carriedOut;
            rows[TableEquations.CarriedIn][c] = carriedIn;
            rows[TableEquations.Received][c] = total + carriedOut - carriedIn;
        }

        foreach (var cells in rows.Values)
        {
            cells[Applicants] = cells[..Applicants].Sum();
        }

        return new Report
        {
            Template = template.Id,
            Year = template.FirstYear,
            Title = $"{template.FirstYear}年测试局政府信息公开工作年度报告",
            Tables = new ReportTables
            {
                Requests = rows.ToDictionary(r => r.Key, r => r.Value.Select(CellValue.Of).ToList()),
                ReviewLitigation = template.ReviewLitigation.Groups.ToDictionary(g => g.Key, _ =>
                {
                    var cells = Enumerable.Range(0, 4).Select(_ => (decimal)values[next++]).ToList();
                    return cells.Append(cells.Sum()).Select(CellValue.Of).ToList();
                }),
            },
        };
    }

    /// <summary>A copy whose table cells can be changed without touching the original.</summary>
    public static Report Copy(Report report) => new()
    {
        Template = report.Template,
        Year = report.Year,
        Agency = report.Agency,
        Title = report.Title,
        Period = report.Period,
        PublishedOn = report.PublishedOn,
        Preamble = report.Preamble,
        Sections = report.Sections,
        Tables = new ReportTables
        {
            Proactive = report.Tables.Proactive,
            Requests = report.Tables.Requests?.ToDictionary(r => r.Key, r => r.Value.ToList()),
            ReviewLitigation = report.Tables.ReviewLitigation?.ToDictionary(r => r.Key, r => r.Value.ToList()),
            Labels = report.Tables.Labels,
            ExtraRows = report.Tables.ExtraRows,
            Unread = report.Tables.Unread?.ToList(),
        },
    };

    /// <summary>Every cell of the table in the template's row and column order (the solver's order).</summary>
    public static List<CellAddress> Cells(ReportTemplate template, string table) => table == ValidationContext.Requests
        ? template.Requests.Rows.SelectMany(r => Enumerable.Range(0, template.Requests.Columns.Count).Select(c => new CellAddress(table, r.Key, c))).ToList()
        : template.ReviewLitigation.Groups.SelectMany(g => Enumerable.Range(0, template.ReviewLitigation.Columns.Count).Select(c => new CellAddress(table, g.Key, c))).ToList();

    public static Dictionary<string, List<CellValue>> Rows(Report report, string table) =>
        (table == ValidationContext.Requests ? report.Tables.Requests : report.Tables.ReviewLitigation)!;

    public static CellValue Get(Report report, CellAddress cell) => Rows(report, cell.Table)[cell.Row][cell.Column];

    public static void Set(Report report, CellAddress cell, CellValue value) => Rows(report, cell.Table)[cell.Row][cell.Column] = value;

    /// <summary>A fix the oracle found: the cells and their new values (null values: infinitely many, the equations leave them free).</summary>
    public sealed record OracleFix(IReadOnlyList<CellAddress> Cells, IReadOnlyList<decimal>? Values);

    /// <summary>
    /// Every smallest fix of the table by brute force, blanks and text counting 0 as the D rules' blank-as-0 arithmetic does:
    /// all single cells first; only when none works, all pairs. Empty when the table already adds up.
    /// </summary>
    public static List<OracleFix> SmallestFixes(Report report, ReportTemplate template, string table)
    {
        var equations = TableEquations.For(template, table);
        var cells = Cells(template, table);
        var value = cells.ToDictionary(c => c, c => Get(report, c).AsNumber ?? 0);
        var residual = equations.Select(e => e.Terms.Sum(t => t.Coefficient * value[t.Cell])).ToList();
        if (residual.All(r => r == 0))
        {
            return [];
        }

        var singles = new List<OracleFix>();
        foreach (var cell in cells)
        {
            decimal? change = null;
            var ok = true;
            for (var e = 0; e < equations.Count && ok; e++)
            {
                var term = equations[e].Terms.FirstOrDefault(t => t.Cell == cell);
                if (term is null)
                {
                    ok = residual[e] == 0;
                    continue;
                }

                var needed = -residual[e] / term.Coefficient;
                ok = change is null || change == needed;
                change = needed;
            }

            if (ok && change is { } d && d != 0 && value[cell] + d >= 0)
            {
                singles.Add(new OracleFix([cell], [value[cell] + d]));
            }
        }

        if (singles.Count > 0)
        {
            return singles;
        }

        var pairs = new List<OracleFix>();
        for (var a = 0; a < cells.Count; a++)
        {
            for (var b = a + 1; b < cells.Count; b++)
            {
                if (Pair(equations, residual, cells[a], cells[b], value) is { } fix)
                {
                    pairs.Add(fix);
                }
            }
        }

        return pairs;
    }

    /// <summary>Changes δx, δy with every equation Σ = 0: equations with one of the two fix it; shared ones must then agree.</summary>
    private static OracleFix? Pair(IReadOnlyList<TableEquation> equations, List<decimal> residual, CellAddress x, CellAddress y, Dictionary<CellAddress, decimal> value)
    {
        decimal? dx = null, dy = null;
        var shared = new List<(int Cx, int Cy, decimal Residual)>();
        for (var e = 0; e < equations.Count; e++)
        {
            var tx = equations[e].Terms.FirstOrDefault(t => t.Cell == x);
            var ty = equations[e].Terms.FirstOrDefault(t => t.Cell == y);
            if (tx is null && ty is null)
            {
                if (residual[e] != 0)
                {
                    return null;
                }
            }
            else if (ty is null)
            {
                var needed = -residual[e] / tx!.Coefficient;
                if (dx is not null && dx != needed)
                {
                    return null;
                }

                dx = needed;
            }
            else if (tx is null)
            {
                var needed = -residual[e] / ty.Coefficient;
                if (dy is not null && dy != needed)
                {
                    return null;
                }

                dy = needed;
            }
            else
            {
                shared.Add((tx.Coefficient, ty.Coefficient, residual[e]));
            }
        }

        foreach (var (cx, cy, r) in shared)
        {
            if (dx is not null && dy is null)
            {
                dy = -(r + (cx * dx.Value)) / cy;
            }
            else if (dy is not null && dx is null)
            {
                dx = -(r + (cy * dy.Value)) / cx;
            }
        }

        if (dx is null || dy is null)
        {
            // Only shared equations: a line of solutions, unless they contradict each other.
            return shared.Count > 0 && shared.All(s => s.Cx * shared[0].Cy == s.Cy * shared[0].Cx && s.Residual * shared[0].Cx == shared[0].Residual * s.Cx)
                ? new OracleFix([x, y], null)
                : null;
        }

        if (shared.Any(s => (s.Cx * dx) + (s.Cy * dy) + s.Residual != 0) || dx == 0 || dy == 0
            || value[x] + dx < 0 || value[y] + dy < 0 || dx != decimal.Truncate(dx.Value) || dy != decimal.Truncate(dy.Value))
        {
            return null;
        }

        return new OracleFix([x, y], [value[x] + dx.Value, value[y] + dy.Value]);
    }

    /// <summary>D1–D4 findings that say the arithmetic fails (errors, or warnings when blank-as-0 fails).</summary>
    public static List<Finding> ArithmeticFailures(Report report) =>
        new ReportValidator().Validate(report).Where(f => f.Rule is "D1" or "D2" or "D3" or "D4" && f.Severity != Severity.Info).ToList();
}
