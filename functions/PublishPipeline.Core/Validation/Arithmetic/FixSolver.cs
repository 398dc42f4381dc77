using System.Numerics;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Arithmetic;

/// <summary>
/// Finds the smallest change of cells (one cell, else two) that makes every relation of <see cref="TableEquations"/> hold
/// in table 三 or 四, as a suggestion: the report is never changed.
/// </summary>
/// <remarks>
/// How cells count:
/// <list type="bullet">
/// <item>A number is its value. A blank or a text cell ("/") counts as 0, as the D rules' own "若空白按 0 计" arithmetic does,
/// and may be suggested (the suggestion says it is blank now).</item>
/// <item>A cell of a row the reader could not read (C7 <c>tables.unread</c>), of a row the document lacks, or of a row with the
/// wrong number of cells is unknown: it is a free variable of the equations, never a suggested cell. Leaving it free only adds
/// solutions, so a change called unique is the only one whatever the unread cells hold.</item>
/// <item>A table holding a number that is not a whole number gets no suggestion (C rules report such cells).</item>
/// </list>
/// A change is a set of cells with new values that are whole numbers ≥ 0, each different from the current one, such that some
/// value of the unknown cells satisfies every equation. When the new values of a set are not fixed by the equations (two cells
/// that only occur together), the set counts as infinitely many changes: never unique.
/// </remarks>
public static class FixSolver
{
    /// <summary>The most candidate cells an ambiguous suggestion lists.</summary>
    public const int MaxCandidates = 12;

    /// <summary>Suggestions for tables 三 and 四 (in that order) whose relations fail, with the template the report's labels come from.</summary>
    public static IReadOnlyList<FixSuggestion> Solve(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var suggestions = new List<FixSuggestion>(2);
        foreach (var table in new[] { ValidationContext.Requests, ValidationContext.ReviewLitigation })
        {
            if (Solve(context.Report, context.Template, table) is { } suggestion)
            {
                suggestions.Add(suggestion);
            }
        }

        return suggestions;
    }

    /// <summary>The suggestion for one table, or null when its relations hold, it is absent, or no change of at most two cells fixes it.</summary>
    /// <param name="maxCandidates">How many candidate cells an ambiguous suggestion lists at most.</param>
    public static FixSuggestion? Solve(Report report, ReportTemplate template, string table, int maxCandidates = MaxCandidates)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(template);
        var system = TableSystem.Build(report, template, table);
        return system?.Solve(maxCandidates);
    }

    private static readonly BigInteger MaxValue = new(decimal.MaxValue);

    private enum Outcome
    {
        None,
        Determined,
        Free,
    }

    /// <summary>The cells of one table, their values, and its equations as index arrays.</summary>
    private sealed class TableSystem
    {
        private readonly string table;
        private readonly List<CellAddress> cells;
        private readonly bool[] known;
        private readonly BigInteger[] values;
        private readonly CellValue[] current;
        private readonly int[][] equationCells;
        private readonly int[][] equationSigns;
        private readonly ulong[] cellMask;
        private readonly ulong violatedMask;
        private readonly bool pruning;
        private readonly int[] unknownCells;

        private TableSystem(string table, List<CellAddress> cells, bool[] known, BigInteger[] values, CellValue[] current, IReadOnlyList<TableEquation> equations)
        {
            this.table = table;
            this.cells = cells;
            this.known = known;
            this.values = values;
            this.current = current;
            var index = new Dictionary<CellAddress, int>(cells.Count);
            for (var i = 0; i < cells.Count; i++)
            {
                index[cells[i]] = i;
            }

            equationCells = equations.Select(e => e.Terms.Select(t => index[t.Cell]).ToArray()).ToArray();
            equationSigns = equations.Select(e => e.Terms.Select(t => t.Coefficient).ToArray()).ToArray();
            unknownCells = Enumerable.Range(0, cells.Count).Where(i => !known[i]).ToArray();

            // Which equations each cell is in, and which fail on known cells alone: a change must touch every failing one.
            pruning = equations.Count <= 64;
            cellMask = new ulong[cells.Count];
            for (var e = 0; e < equationCells.Length; e++)
            {
                var hasUnknown = false;
                BigInteger residual = 0;
                for (var t = 0; t < equationCells[e].Length; t++)
                {
                    var cell = equationCells[e][t];
                    if (pruning)
                    {
                        cellMask[cell] |= 1UL << e;
                    }

                    hasUnknown |= !known[cell];
                    residual += equationSigns[e][t] * values[cell];
                }

                if (!hasUnknown && !residual.IsZero)
                {
                    violatedMask |= pruning ? 1UL << e : 1;
                    Violated = true;
                }
            }
        }

        private bool Violated { get; }

        public static TableSystem? Build(Report report, ReportTemplate template, string table)
        {
            var rows = table switch
            {
                ValidationContext.Requests => report.Tables.Requests,
                ValidationContext.ReviewLitigation => report.Tables.ReviewLitigation,
                _ => null,
            };
            if (rows is null)
            {
                return null;
            }

            var (rowKeys, columns) = table == ValidationContext.Requests
                ? (template.Requests.Rows.Select(r => r.Key).ToList(), template.Requests.Columns.Count)
                : (template.ReviewLitigation.Groups.Select(g => g.Key).ToList(), template.ReviewLitigation.Columns.Count);
            var cells = new List<CellAddress>(rowKeys.Count * columns);
            var known = new bool[rowKeys.Count * columns];
            var values = new BigInteger[known.Length];
            var current = new CellValue[known.Length];
            foreach (var row in rowKeys)
            {
                var readable = rows.TryGetValue(row, out var read) && read.Count == columns && !report.Tables.IsUnread(table, row);
                for (var c = 0; c < columns; c++)
                {
                    var i = cells.Count;
                    cells.Add(new CellAddress(table, row, c));
                    if (!readable)
                    {
                        current[i] = CellValue.Blank;
                        continue;
                    }

                    var value = read![c];
                    var number = value.AsNumber ?? 0;
                    if (number != decimal.Truncate(number))
                    {
                        return null;
                    }

                    known[i] = true;
                    values[i] = new BigInteger(number);
                    current[i] = value;
                }
            }

            var system = new TableSystem(table, cells, known, values, current, TableEquations.For(template, table));
            return system.Violated ? system : null;
        }

        public FixSuggestion? Solve(int maxCandidates)
        {
            var candidates = Enumerable.Range(0, cells.Count).Where(i => known[i]).ToArray();
            var found = new List<(int[] Cells, Outcome Outcome, BigInteger[] NewValues)>();
            foreach (var i in candidates)
            {
                Try([i]);
            }

            if (found.Count == 0)
            {
                for (var a = 0; a < candidates.Length; a++)
                {
                    for (var b = a + 1; b < candidates.Length; b++)
                    {
                        Try([candidates[a], candidates[b]]);
                    }
                }
            }

            if (found.Count == 0)
            {
                return null;
            }

            var size = found[0].Cells.Length;
            var hasUnread = unknownCells.Length > 0;
            if (found.Count == 1 && found[0].Outcome == Outcome.Determined)
            {
                var (set, _, newValues) = found[0];
                return new FixSuggestion
                {
                    Table = table,
                    Size = size,
                    IsUnique = true,
                    Changes = set.Select((cell, k) => new CellChange(cells[cell], current[cell], (decimal)newValues[k])).ToList(),
                    CandidateCount = set.Length,
                    HasUnreadCells = hasUnread,
                };
            }

            var all = found.SelectMany(f => f.Cells).Distinct().Order().ToList();
            return new FixSuggestion
            {
                Table = table,
                Size = size,
                IsUnique = false,
                Candidates = all.Take(maxCandidates).Select(cell => new FixCandidate(cells[cell], current[cell])).ToList(),
                CandidateCount = all.Count,
                HasUnreadCells = hasUnread,
            };

            void Try(int[] set)
            {
                var (outcome, newValues) = Evaluate(set);
                if (outcome != Outcome.None)
                {
                    found.Add((set, outcome, newValues));
                }
            }
        }

        /// <summary>
        /// Whether changing exactly these cells can satisfy every equation: solves for their changes and the unknown cells by
        /// fraction-free Gauss–Jordan elimination over the integers (exact, no rounding).
        /// </summary>
        private (Outcome Outcome, BigInteger[] NewValues) Evaluate(int[] set)
        {
            var none = (Outcome.None, Array.Empty<BigInteger>());
            if (pruning)
            {
                ulong touched = 0;
                foreach (var cell in set)
                {
                    touched |= cellMask[cell];
                }

                if ((violatedMask & ~touched) != 0)
                {
                    return none;
                }
            }

            // Variables: the changes of the set's cells first, then the unknown cells; one row per equation that has any.
            var variables = new Dictionary<int, int>(set.Length + unknownCells.Length);
            foreach (var cell in set)
            {
                variables[cell] = variables.Count;
            }

            foreach (var cell in unknownCells)
            {
                variables[cell] = variables.Count;
            }

            var width = variables.Count;
            var matrix = new List<BigInteger[]>();
            for (var e = 0; e < equationCells.Length; e++)
            {
                var row = new BigInteger[width + 1];
                var involved = false;
                BigInteger known = 0;
                for (var t = 0; t < equationCells[e].Length; t++)
                {
                    var cell = equationCells[e][t];
                    var sign = equationSigns[e][t];
                    if (variables.TryGetValue(cell, out var v))
                    {
                        row[v] += sign;
                        involved = true;
                    }

                    if (this.known[cell])
                    {
                        known += sign * values[cell];
                    }
                }

                if (!involved)
                {
                    if (!known.IsZero)
                    {
                        return none; // a failing equation none of the changed cells is in
                    }

                    continue;
                }

                row[width] = -known;
                matrix.Add(row);
            }

            var pivotRowOf = Eliminate(matrix, width);
            if (pivotRowOf is null)
            {
                return none; // inconsistent
            }

            var newValues = new BigInteger[set.Length];
            var free = false;
            for (var k = 0; k < set.Length; k++)
            {
                if (pivotRowOf[k] is not int r || !DependsOnPivotOnly(matrix[r], pivotRowOf, k, width))
                {
                    free = true;
                    continue;
                }

                var change = BigInteger.DivRem(matrix[r][width], matrix[r][k], out var remainder);
                if (!remainder.IsZero || change.IsZero)
                {
                    return none; // not a whole number, or this cell need not change (a smaller set covers it)
                }

                newValues[k] = values[set[k]] + change;
                if (newValues[k].Sign < 0 || newValues[k] > MaxValue)
                {
                    return none; // counts are never negative; past decimal's range no cell can hold it
                }
            }

            return (free ? Outcome.Free : Outcome.Determined, newValues);
        }

        /// <summary>True when the pivot row of variable <paramref name="k"/> has no entry in a free column: its value is fixed.</summary>
        private static bool DependsOnPivotOnly(BigInteger[] row, int?[] pivotRowOf, int k, int width)
        {
            for (var c = 0; c < width; c++)
            {
                if (c != k && !row[c].IsZero && pivotRowOf[c] is null)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Reduced row echelon form in place; per column, the row holding its pivot (null for a free column); null when inconsistent.</summary>
        private static int?[]? Eliminate(List<BigInteger[]> matrix, int width)
        {
            var pivotRowOf = new int?[width];
            var next = 0;
            for (var column = 0; column < width && next < matrix.Count; column++)
            {
                var pivot = -1;
                for (var r = next; r < matrix.Count; r++)
                {
                    if (!matrix[r][column].IsZero)
                    {
                        pivot = r;
                        break;
                    }
                }

                if (pivot < 0)
                {
                    continue;
                }

                (matrix[next], matrix[pivot]) = (matrix[pivot], matrix[next]);
                var pivotRow = matrix[next];
                for (var r = 0; r < matrix.Count; r++)
                {
                    if (r == next || matrix[r][column].IsZero)
                    {
                        continue;
                    }

                    var row = matrix[r];
                    var factor = row[column];
                    var scale = pivotRow[column];
                    BigInteger gcd = 0;
                    for (var c = 0; c <= width; c++)
                    {
                        row[c] = (row[c] * scale) - (pivotRow[c] * factor);
                        gcd = BigInteger.GreatestCommonDivisor(gcd, row[c]);
                    }

                    if (gcd > 1)
                    {
                        for (var c = 0; c <= width; c++)
                        {
                            row[c] /= gcd;
                        }
                    }
                }

                pivotRowOf[column] = next;
                next++;
            }

            for (var r = next; r < matrix.Count; r++)
            {
                if (!matrix[r][width].IsZero)
                {
                    return null;
                }
            }

            return pivotRowOf;
        }
    }
}
