using CsCheck;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Validation;
using PublishPipeline.Validation.Arithmetic;

namespace PublishPipeline.Tests.Validation.Fixes;

/// <summary>
/// Take tables that add up (generated for both templates, and the corpus reports that pass D1–D4), change one or two cells,
/// and the suggestion names the changed cell with its old value whenever the numbers can tell it from every other cell; when
/// they cannot, it says so and lists the changed cell among the candidates. A brute-force oracle (<see cref="FixTables"/>)
/// decides which case applies; the real validator confirms every unique suggestion.
/// </summary>
public class FixSolverPropertyTests
{
    public static TheoryData<string> Templates => new() { "2019", "2021" };

    /// <summary>All candidates, not the first 12, so the oracle's list can be compared in full.</summary>
    private const int AllCandidates = 1000;

    [Theory]
    [MemberData(nameof(Templates))]
    public void Consistent_tables_get_no_suggestion(string templateId)
    {
        var template = TemplateCatalog.Get(templateId);
        FixTables.Consistent(templateId).Sample(
            report =>
            {
                Assert.Empty(FixTables.ArithmeticFailures(report));
                Assert.All(FixTables.Tables, table => Assert.Null(FixSolver.Solve(report, template, table)));
            },
            iter: 100);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void One_changed_cell_is_named_with_its_old_value_or_listed_when_the_numbers_cannot_tell(string templateId)
    {
        var template = TemplateCatalog.Get(templateId);
        var cells = FixTables.Tables.SelectMany(t => FixTables.Cells(template, t)).ToList();
        Gen.Select(FixTables.Consistent(templateId), Gen.Int[0, cells.Count - 1], Gen.Int[0, 60], Gen.Int[0, 5]).Sample(
            t =>
            {
                var (report, index, newValue, blankChance) = t;
                ChangeOne(template, report, cells[index], blankChance == 0 ? null : newValue);
            },
            iter: 600);
    }

    [Fact]
    public void In_table_three_every_single_change_is_identified_and_in_table_four_a_raised_cell_never_is()
    {
        // No two cells of table 三 share the same equations, so one changed cell is always unique there; in table 四 a cell
        // raised by d can always be undone by raising the 总计 (or, for the 总计, any part) by d instead.
        foreach (var templateId in new[] { "2019", "2021" })
        {
            var template = TemplateCatalog.Get(templateId);
            var report = FixTables.Build(template, Enumerable.Range(0, 200).Select(i => 3 + (i % 7)).ToArray());
            foreach (var cell in FixTables.Tables.SelectMany(t => FixTables.Cells(template, t)))
            {
                var changed = FixTables.Copy(report);
                var old = FixTables.Get(changed, cell).Number;
                FixTables.Set(changed, cell, CellValue.Of(old + 2));
                var suggestion = FixSolver.Solve(changed, template, cell.Table, AllCandidates)!;
                Assert.Equal(cell.Table == ValidationContext.Requests, suggestion.IsUnique);
                Assert.Equal(1, suggestion.Size);
                if (suggestion.IsUnique)
                {
                    Assert.Equal(new CellChange(cell, CellValue.Of(old + 2), old), Assert.Single(suggestion.Changes));
                }
                else
                {
                    Assert.Contains(suggestion.Candidates, c => c.Cell == cell);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Two_changed_cells_are_named_together_or_listed_among_the_candidates(string templateId)
    {
        var template = TemplateCatalog.Get(templateId);
        var cells = FixTables.Tables.SelectMany(t => FixTables.Cells(template, t)).ToList();
        Gen.Select(FixTables.Consistent(templateId), Gen.Int[0, cells.Count - 1], Gen.Int[0, cells.Count - 1], Gen.Int[0, 60], Gen.Int[0, 60]).Sample(
            t =>
            {
                var (report, i, j, first, second) = t;
                var (a, b) = (cells[i], cells[j]);
                if (a == b || a.Table != b.Table)
                {
                    return;
                }

                var changed = FixTables.Copy(report);
                var (oldA, oldB) = (FixTables.Get(changed, a), FixTables.Get(changed, b));
                FixTables.Set(changed, a, CellValue.Of(first == oldA.Number ? first + 61 : first));
                FixTables.Set(changed, b, CellValue.Of(second == oldB.Number ? second + 61 : second));
                var expected = FixTables.SmallestFixes(changed, template, a.Table);
                var suggestion = FixSolver.Solve(changed, template, a.Table, AllCandidates);
                AssertMatchesOracle(expected, suggestion);
                AssertFixPassesTheRules(changed, suggestion);

                // Restoring both is always a fix: with no single-cell fix, the pair is among the smallest.
                if (suggestion!.Size == 2)
                {
                    Assert.Contains(expected, f => f.Cells.SequenceEqual(Ordered(template, a, b)));
                    if (suggestion.IsUnique)
                    {
                        Assert.Equal(
                            Ordered(template, a, b).Select(c => (c, c == a ? oldA.Number : oldB.Number)),
                            suggestion.Changes.Select(c => (c.Cell, c.Suggested)));
                    }
                    else
                    {
                        Assert.Contains(suggestion.Candidates, c => c.Cell == a);
                        Assert.Contains(suggestion.Candidates, c => c.Cell == b);
                    }
                }
            },
            iter: 400);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_cell_in_an_unread_row_is_never_suggested_and_the_changed_cell_is_always_among_the_answers(string templateId)
    {
        var template = TemplateCatalog.Get(templateId);
        var rows = template.Requests.Rows.Select(r => r.Key).ToList();
        var columns = template.Requests.Columns.Count;
        Gen.Select(FixTables.Consistent(templateId), Gen.Int[0, rows.Count - 1], Gen.Int[0, (rows.Count * columns) - 1], Gen.Int[0, 60]).Sample(
            t =>
            {
                var (report, unreadIndex, cellIndex, newValue) = t;
                var unread = rows[unreadIndex];
                var cell = new CellAddress(ValidationContext.Requests, rows[cellIndex / columns], cellIndex % columns);
                if (cell.Row == unread)
                {
                    return;
                }

                var changed = FixTables.Copy(report);
                var old = FixTables.Get(changed, cell).Number;
                FixTables.Set(changed, cell, CellValue.Of(newValue == old ? newValue + 61 : newValue));
                changed.Tables.Requests!.Remove(unread);
                changed.Tables.Unread = [new UnreadRow(ValidationContext.Requests, unread, "123456", 2)];

                var suggestion = FixSolver.Solve(changed, template, ValidationContext.Requests, AllCandidates);
                if (suggestion is null)
                {
                    // Only when every relation with the changed cell also holds an unread cell: nothing failed that could be checked.
                    Assert.All(
                        TableEquations.For(template, ValidationContext.Requests).Where(e => e.Terms.Any(x => x.Cell == cell)),
                        e => Assert.Contains(e.Terms, x => x.Cell.Row == unread));
                    return;
                }

                Assert.True(suggestion.HasUnreadCells);
                Assert.DoesNotContain(suggestion.Changes, c => c.Cell.Row == unread);
                Assert.DoesNotContain(suggestion.Candidates, c => c.Cell.Row == unread);
                if (suggestion.IsUnique)
                {
                    Assert.Equal(new CellChange(cell, FixTables.Get(changed, cell), old), Assert.Single(suggestion.Changes));
                }
                else
                {
                    Assert.Contains(suggestion.Candidates, c => c.Cell == cell);
                }
            },
            iter: 400);
    }

    [Fact]
    public void Corpus_reports_that_add_up_get_the_changed_cell_back()
    {
        var reports = CorpusReportsThatAddUp();
        Assert.True(reports.Count >= 6, $"only {reports.Count} corpus reports pass D1–D4 with whole tables 三 and 四");
        var cells = reports.Select(r => FixTables.Tables.SelectMany(t => FixTables.Cells(TemplateCatalog.Get(r.Template!), t)).ToList()).ToList();
        Gen.Select(Gen.Int[0, reports.Count - 1], Gen.Int[0, 10_000], Gen.Int[0, 60], Gen.Int[0, 5]).Sample(
            t =>
            {
                var (r, index, newValue, blankChance) = t;
                var report = FixTables.Copy(reports[r]);
                ChangeOne(TemplateCatalog.Get(report.Template!), report, cells[r][index % cells[r].Count], blankChance == 0 ? null : newValue);
            },
            iter: 600);
    }

    [Fact]
    public void Corpus_reports_with_rows_missing_or_unread_never_get_those_cells_suggested()
    {
        // Real tables 三 with rows the reader lost (a PDF page, a crawled portal) or could not split: those cells are unknowns.
        var reports = CorpusReports().Where(r => r.Template is { } id && r.Tables.Requests is { Count: > 0 } requests
                && TemplateCatalog.Get(id).Requests.Rows.Any(row => !requests.ContainsKey(row.Key) || r.Tables.IsUnread(ValidationContext.Requests, row.Key))
                && requests.Values.SelectMany(cells => cells).All(v => v.AsNumber is not { } n || n == decimal.Truncate(n)) // whole counts only (FixSolver)
                && FixTables.ArithmeticFailures(r).Count == 0)
            .ToList();
        Assert.True(reports.Count >= 5, $"only {reports.Count} corpus reports with a partial table 三 pass D1–D4");
        Gen.Select(Gen.Int[0, reports.Count - 1], Gen.Int[0, 10_000], Gen.Int[0, 60]).Sample(
            t =>
            {
                var (r, index, newValue) = t;
                var report = FixTables.Copy(reports[r]);
                var template = TemplateCatalog.Get(report.Template!);
                var whole = template.Requests.Rows.Where(row => report.Tables.Requests!.TryGetValue(row.Key, out var cells) && cells.Count == template.Requests.Columns.Count)
                    .Select(row => row.Key).ToList();
                var cell = new CellAddress(ValidationContext.Requests, whole[index % whole.Count], index / whole.Count % template.Requests.Columns.Count);
                var old = FixTables.Get(report, cell).AsNumber ?? 0;
                FixTables.Set(report, cell, CellValue.Of(newValue == old ? newValue + 61 : newValue));

                var suggestion = FixSolver.Solve(report, template, ValidationContext.Requests, AllCandidates);
                var checkable = TableEquations.For(template, ValidationContext.Requests)
                    .Where(e => e.Terms.Any(x => x.Cell == cell) && e.Terms.All(x => whole.Contains(x.Cell.Row)));
                if (!checkable.Any())
                {
                    Assert.Null(suggestion); // every relation of the cell holds an unknown: nothing fails that could be checked
                    return;
                }

                Assert.NotNull(suggestion);
                Assert.True(suggestion.HasUnreadCells);
                Assert.All(suggestion.Changes.Select(c => c.Cell).Concat(suggestion.Candidates.Select(c => c.Cell)), c => Assert.Contains(c.Row, whole));
                if (suggestion.IsUnique)
                {
                    Assert.Equal((cell, old), (Assert.Single(suggestion.Changes).Cell, suggestion.Changes[0].Suggested));
                }
                else
                {
                    Assert.Contains(suggestion.Candidates, c => c.Cell == cell);
                }
            },
            iter: 400);
    }

    /// <summary>Every corpus report a reader reads: the crawled texts, and the Word, PDF and crawled forms.</summary>
    private static IEnumerable<Report> CorpusReports()
    {
        var reader = new DraftReader();
        var forms = Directory.EnumerateFiles(Corpus.File("forms")).Select(f => Path.Combine("forms", Path.GetFileName(f))).Order(StringComparer.Ordinal);
        foreach (var name in Corpus.TextFiles().Concat(forms))
        {
            if (reader.Read(Path.GetFileName(name), Corpus.Bytes(name)).Report is { } report)
            {
                yield return report;
            }
        }
    }

    /// <summary>
    /// Corpus reports (the crawled texts, and the Word, PDF and crawled forms) whose tables 三 and 四 are whole (every template
    /// row, none unread) and pass D1–D4; the blank 2021 Word template is among them, all blank, which blank-as-0 reads as adding up.
    /// </summary>
    internal static List<Report> CorpusReportsThatAddUp()
    {
        var list = new List<Report>();
        foreach (var report in CorpusReports())
        {
            if (report.Template is not { } id || FixTables.Tables.Any(report.Tables.HasUnread))
            {
                continue;
            }

            var template = TemplateCatalog.Get(id);
            var whole = report.Tables.Requests is { } requests && report.Tables.ReviewLitigation is { } review
                && template.Requests.Rows.All(row => requests.TryGetValue(row.Key, out var cells) && cells.Count == template.Requests.Columns.Count)
                && template.ReviewLitigation.Groups.All(g => review.TryGetValue(g.Key, out var cells) && cells.Count == template.ReviewLitigation.Columns.Count)
                && FixTables.Tables.SelectMany(t => FixTables.Cells(template, t)).All(c => FixTables.Get(report, c) is var v && v.AsNumber is null or >= 0 && decimal.Truncate(v.AsNumber ?? 0) == (v.AsNumber ?? 0));
            if (whole && FixTables.ArithmeticFailures(report).Count == 0)
            {
                list.Add(report);
            }
        }

        return list;
    }

    /// <summary>Changes one cell (to a number, or to blank when <paramref name="newValue"/> is null) and checks the suggestion.</summary>
    private static void ChangeOne(ReportTemplate template, Report original, CellAddress cell, int? newValue)
    {
        var report = FixTables.Copy(original);
        var old = FixTables.Get(report, cell);
        var oldNumber = old.AsNumber ?? 0;
        var changedTo = newValue is int n ? CellValue.Of(n == oldNumber ? n + 61 : n) : CellValue.Blank;
        FixTables.Set(report, cell, changedTo);
        var expected = FixTables.SmallestFixes(report, template, cell.Table);
        var before = ReportJson.Serialize(new ReportDocument { Report = report });
        var suggestion = FixSolver.Solve(report, template, cell.Table, AllCandidates);
        Assert.Equal(before, ReportJson.Serialize(new ReportDocument { Report = report })); // a suggestion only: the report is untouched
        AssertMatchesOracle(expected, suggestion);
        AssertFixPassesTheRules(report, suggestion);

        if ((changedTo.AsNumber ?? 0) == oldNumber)
        {
            // A 0 made blank: blank counts as 0, so nothing fails and nothing is suggested.
            Assert.Null(suggestion);
            return;
        }

        // Putting the old value back is always a fix of one cell.
        Assert.NotNull(suggestion);
        Assert.Equal(1, suggestion.Size);
        if (suggestion.IsUnique)
        {
            Assert.Equal(new CellChange(cell, changedTo, oldNumber), Assert.Single(suggestion.Changes));
        }
        else
        {
            Assert.Contains(new FixCandidate(cell, changedTo), suggestion.Candidates);
        }
    }

    /// <summary>The solver finds exactly the oracle's smallest fixes; a unique one makes the real D rules pass.</summary>
    private static void AssertMatchesOracle(List<FixTables.OracleFix> expected, FixSuggestion? suggestion)
    {
        if (expected.Count == 0)
        {
            Assert.Null(suggestion);
            return;
        }

        Assert.NotNull(suggestion);
        Assert.Equal(expected[0].Cells.Count, suggestion.Size);
        if (expected is [{ Values: { } values } only])
        {
            Assert.True(suggestion.IsUnique);
            Assert.Equal(only.Cells.Zip(values), suggestion.Changes.Select(c => (c.Cell, c.Suggested)));
        }
        else
        {
            Assert.False(suggestion.IsUnique);
            var union = expected.SelectMany(f => f.Cells).Distinct().ToList();
            Assert.Equal(union.Count, suggestion.CandidateCount);
            Assert.Equal(union.ToHashSet(), suggestion.Candidates.Select(c => c.Cell).ToHashSet());
        }
    }

    /// <summary>A unique suggestion, applied to a copy, leaves no D1–D4 error or warning on its table (the real rules, not the oracle).</summary>
    private static void AssertFixPassesTheRules(Report report, FixSuggestion? suggestion)
    {
        if (suggestion is not { IsUnique: true })
        {
            return;
        }

        var fixedReport = FixTables.Copy(report);
        foreach (var change in suggestion.Changes)
        {
            FixTables.Set(fixedReport, change.Cell, CellValue.Of(change.Suggested));
        }

        Assert.DoesNotContain(FixTables.ArithmeticFailures(fixedReport), f => f.Location?.Table == suggestion.Table);
    }

    private static CellAddress[] Ordered(ReportTemplate template, CellAddress a, CellAddress b)
    {
        var order = FixTables.Cells(template, a.Table);
        return order.IndexOf(a) < order.IndexOf(b) ? [a, b] : [b, a];
    }
}
