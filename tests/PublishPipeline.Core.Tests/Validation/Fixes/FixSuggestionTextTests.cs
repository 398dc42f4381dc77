using PublishPipeline.Checking;
using PublishPipeline.Documents;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Validation;
using PublishPipeline.Validation.Arithmetic;

namespace PublishPipeline.Tests.Validation.Fixes;

/// <summary>What people read: one sentence per failing table, cells named with the template's own row and column labels.</summary>
public class FixSuggestionTextTests
{
    private const string Requests = ValidationContext.Requests;

    private static Report Consistent(string templateId = "2021") =>
        FixTables.Build(TemplateCatalog.Get(templateId), Enumerable.Range(0, 200).Select(i => 2 + (i * 7 % 11)).ToArray());

    private static IReadOnlyList<string> Sentences(Report report) => FixSuggestionText.For(report, new ReportValidator().Validate(report));

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void One_wrong_total_is_named_with_the_value_that_makes_every_relation_hold(string templateId)
    {
        var report = Consistent(templateId);
        var cell = new CellAddress(Requests, TableEquations.ResultTotal, 6);
        var right = FixTables.Get(report, cell).Number;
        FixTables.Set(report, cell, CellValue.Of(right + 9));

        var sentence = Assert.Single(Sentences(report));

        Assert.Equal($"若表三「（七）总计」行「总计」列为 {right}（现为 {right + 9}），则表三的全部勾稽关系成立。", sentence);
    }

    [Fact]
    public void Two_cells_are_joined_in_one_sentence_in_table_order()
    {
        var report = Consistent();
        var first = new CellAddress(Requests, "r1", 0);
        var second = new CellAddress(Requests, "r2", 1);
        var (a, b) = (FixTables.Get(report, first).Number, FixTables.Get(report, second).Number);
        FixTables.Set(report, second, CellValue.Of(b + 5));
        FixTables.Set(report, first, CellValue.Of(a + 3));

        var sentence = Assert.Single(Sentences(report));

        Assert.Equal(
            $"若表三「（一）予以公开」行「自然人」列为 {a}（现为 {a + 3}）、「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」行「商业企业」列为 {b}（现为 {b + 5}），则表三的全部勾稽关系成立。",
            sentence);
    }

    [Fact]
    public void A_blank_cell_is_named_as_blank()
    {
        var report = Consistent();
        var cell = new CellAddress(Requests, TableEquations.CarriedOut, 2);
        var right = FixTables.Get(report, cell).Number;
        Assert.NotEqual(0, right);
        FixTables.Set(report, cell, CellValue.Blank);

        Assert.Equal($"若表三「四、结转下年度继续办理」行「科研机构」列为 {right}（现为空白），则表三的全部勾稽关系成立。", Assert.Single(Sentences(report)));
    }

    [Fact]
    public void Table_four_says_the_numbers_cannot_tell_and_lists_every_candidate_with_its_value()
    {
        var report = Consistent();
        report.Tables.ReviewLitigation!["review"] = [CellValue.Of(3), CellValue.Of(1), CellValue.Of(0), CellValue.Of(2), CellValue.Of(8)];

        var sentence = Assert.Single(Sentences(report));

        // 3+1+0+2 = 6 ≠ 8: raise any part by 2, or lower the 总计 to 6.
        Assert.Equal(
            "仅凭表四的数字无法判断哪个单元格有误：改动其中任何一个单元格都能使勾稽关系全部成立。可能有误的单元格："
            + "表四「行政复议」行「结果维持」列（现为 3）、表四「行政复议」行「结果纠正」列（现为 1）、表四「行政复议」行「其他结果」列（现为 0）、"
            + "表四「行政复议」行「尚未审结」列（现为 2）、表四「行政复议」行「总计」列（现为 8）。请对照原始台账核实。",
            sentence);
    }

    [Fact]
    public void A_part_too_small_to_lower_is_no_candidate()
    {
        var report = Consistent();
        report.Tables.ReviewLitigation!["review"] = [CellValue.Of(1), CellValue.Of(0), CellValue.Of(5), CellValue.Of(0), CellValue.Of(2)];

        // 1+0+5+0 = 6 > 2: only 其他结果 (5) can lose 4, or the 总计 can become 6.
        var suggestion = FixSolver.Solve(report, TemplateCatalog.Get("2021"), ValidationContext.ReviewLitigation)!;

        Assert.False(suggestion.IsUnique);
        Assert.Equal([2, 4], suggestion.Candidates.Select(c => c.Cell.Column));
    }

    [Fact]
    public void With_an_unread_row_the_suggestion_says_which_relations_it_covers_and_never_names_that_row()
    {
        var report = Consistent();
        report.Tables.Requests!.Remove("r3_2");
        report.Tables.Unread = [new UnreadRow(Requests, "r3_2", "1234567", 3)];
        var cell = new CellAddress(Requests, TableEquations.CarriedOut, 0);
        var right = FixTables.Get(report, cell).Number;
        FixTables.Set(report, cell, CellValue.Of(right + 4));

        Assert.Equal(
            $"若表三「四、结转下年度继续办理」行「自然人」列为 {right}（现为 {right + 4}），则表三中可以核对的勾稽关系全部成立（未能读出的行不计）。",
            Assert.Single(Sentences(report)));
    }

    [Fact]
    public void A_result_row_cell_next_to_an_unread_row_cannot_be_told_from_its_row_neighbours()
    {
        // With (三)2 unread every column sum (D2) holds an unknown: only the row sum of (一) still speaks, and any of its
        // seven cells could carry the difference.
        var report = Consistent();
        report.Tables.Requests!.Remove("r3_2");
        report.Tables.Unread = [new UnreadRow(Requests, "r3_2", "1234567", 3)];
        var cell = new CellAddress(Requests, "r1", 3);
        FixTables.Set(report, cell, CellValue.Of(FixTables.Get(report, cell).Number + 1));
        Assert.All(report.Tables.Requests["r1"], value => Assert.True(value.Number >= 1)); // each could lose the 1

        var suggestion = FixSolver.Solve(report, TemplateCatalog.Get("2021"), Requests)!;

        Assert.False(suggestion.IsUnique);
        Assert.Equal(Enumerable.Range(0, 7).Select(c => new CellAddress(Requests, "r1", c)), suggestion.Candidates.Select(c => c.Cell));
        Assert.StartsWith("仅凭表三的数字无法判断哪个单元格有误", Assert.Single(Sentences(report)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_candidate_list_is_cut_and_says_how_many_there_are()
    {
        // Two changes in different rows and columns of table 三 with the same difference can be undone by the crossed pair too;
        // adding many such crossings gives more candidates than the list shows.
        var report = Consistent();
        foreach (var (row, column) in new[] { ("r1", 0), ("r2", 1) })
        {
            var cell = new CellAddress(Requests, row, column);
            FixTables.Set(report, cell, CellValue.Of(FixTables.Get(report, cell).Number + 5));
        }

        var all = FixSolver.Solve(report, TemplateCatalog.Get("2021"), Requests, maxCandidates: 1000)!;
        Assert.False(all.IsUnique);
        Assert.Equal(2, all.Size);
        Assert.Equal(4, all.CandidateCount);

        var cut = FixSolver.Solve(report, TemplateCatalog.Get("2021"), Requests, maxCandidates: 3)!;
        Assert.Equal(all.Candidates.Take(3), cut.Candidates);
        var sentence = FixSuggestionText.Sentence(cut, new ValidationContext(report));
        Assert.Contains("等 4 个单元格", sentence, StringComparison.Ordinal);
        Assert.Contains("同时改动其中某两个单元格", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_at_the_edge_of_decimal_never_crash_and_fractions_get_no_suggestion()
    {
        var report = Consistent();
        report.Tables.Requests!["r1"][0] = CellValue.Of(decimal.MaxValue);
        report.Tables.Requests["r2"][0] = CellValue.Of(decimal.MaxValue);
        var template = TemplateCatalog.Get("2021");

        // Sums past decimal's range: whatever the solver finds, it neither overflows nor suggests a negative count.
        var suggestion = FixSolver.Solve(report, template, Requests);
        Assert.True(suggestion is null || suggestion.Changes.All(c => c.Suggested >= 0));

        var fraction = Consistent();
        fraction.Tables.Requests!["r1"][0] = CellValue.Of(2.5m);
        Assert.Null(FixSolver.Solve(fraction, template, Requests));
    }

    [Fact]
    public void Nothing_is_said_when_the_arithmetic_holds_or_only_holds_with_blanks_as_zero()
    {
        var report = Consistent();
        Assert.Empty(Sentences(report));

        var zero = new CellAddress(Requests, "r1", 0);
        FixTables.Set(report, new CellAddress(Requests, "r1", 6), CellValue.Of(FixTables.Get(report, new CellAddress(Requests, "r1", 6)).Number - FixTables.Get(report, zero).Number));
        FixTables.Set(report, new CellAddress(Requests, TableEquations.ResultTotal, 0), CellValue.Of(FixTables.Get(report, new CellAddress(Requests, TableEquations.ResultTotal, 0)).Number - FixTables.Get(report, zero).Number));
        FixTables.Set(report, new CellAddress(Requests, TableEquations.ResultTotal, 6), CellValue.Of(FixTables.Get(report, new CellAddress(Requests, TableEquations.ResultTotal, 6)).Number - FixTables.Get(report, zero).Number));
        FixTables.Set(report, new CellAddress(Requests, TableEquations.Received, 0), CellValue.Of(FixTables.Get(report, new CellAddress(Requests, TableEquations.Received, 0)).Number - FixTables.Get(report, zero).Number));
        FixTables.Set(report, new CellAddress(Requests, TableEquations.Received, 6), CellValue.Of(FixTables.Get(report, new CellAddress(Requests, TableEquations.Received, 6)).Number - FixTables.Get(report, zero).Number));
        FixTables.Set(report, zero, CellValue.Blank);

        var findings = new ReportValidator().Validate(report);
        Assert.Contains(findings, f => f.Rule is "D2" or "D3" && f.Severity == Severity.Info);
        Assert.Empty(FixSuggestionText.For(report, findings));
        Assert.Empty(FixSuggestionText.For(null, findings));
    }

    [Fact]
    public void A_word_draft_with_one_wrong_cell_gets_that_cell_named_through_the_checker()
    {
        var template = TemplateCatalog.Get("2021");
        var report = TestReports.Full("2021").Report;
        var consistent = Consistent();
        report.Tables.Requests = consistent.Tables.Requests;
        report.Tables.ReviewLitigation = consistent.Tables.ReviewLitigation;
        var cell = new CellAddress(Requests, "r3_1", 4);
        var right = FixTables.Get(report, cell).Number;
        FixTables.Set(report, cell, CellValue.Of(right + 12));

        var check = new DraftChecker(new DraftReader(), new ReportValidator()).Check("draft.docx", ReportTemplateDocument.Create(template, report));

        Assert.Contains(check.Findings, f => f.Rule == "D2" && f.Severity == Severity.Error);
        Assert.Equal(
            $"若表三「（三）不予公开 1.属于国家秘密」行「法律服务机构」列为 {right}（现为 {right + 12}），则表三的全部勾稽关系成立。",
            Assert.Single(FixSuggestionText.For(check.Document.Report, check.Findings)));
    }
}
