using PublishPipeline.Validation.Narrative;

namespace PublishPipeline.Tests.Validation.Narrative;

public class StatementExtractorTests
{
    private static NarrativeStatement Single(string text, StatementKind kind) =>
        Assert.Single(StatementExtractor.Extract(text, "overview"), s => s.Kind == kind);

    [Fact]
    public void Reads_received_handled_and_carried_out_with_their_sentence()
    {
        var statements = StatementExtractor.Extract("前文说明依申请公开工作。\n本年度共收到申请30件，办结28件，结转下一年度办理4件。", "overview");

        Assert.Equal([StatementKind.Received, StatementKind.Handled, StatementKind.CarriedOut], statements.Select(s => s.Kind));
        Assert.Equal([30m, 28m, 4m], statements.Select(s => s.Value!.Value));
        Assert.All(statements, s => Assert.Equal("本年度共收到申请30件，办结28件，结转下一年度办理4件。", s.Sentence));
        Assert.Equal("办结28件", statements[1].Phrase);
    }

    [Fact]
    public void Folds_width_spaces_and_line_breaks_and_reads_chinese_numerals()
    {
        var received = Single("全年受理政府信息公开申请 ３０\n件。", StatementKind.Received);
        Assert.Equal(30, received.Value);

        var review = Single("本年度发生行政复议两起。", StatementKind.CaseCount);
        Assert.Equal(2, review.Value);
        Assert.Equal("review", review.Group);
    }

    [Fact]
    public void Yi_qi_meaning_together_is_not_a_case_count()
    {
        var statements = StatementExtractor.Extract("因信息公开申请一起的行政复议纠错0件，行政诉讼败诉0件。", "overview");

        Assert.DoesNotContain(statements, s => s.Kind == StatementKind.CaseCount);
        Assert.Equal(["review", "litigation"], statements.Where(s => s.Kind == StatementKind.CorrectedCount).Select(s => s.Group!));
    }

    [Fact]
    public void Category_counts_carry_their_percentages_and_the_combined_category_wins()
    {
        var statements = StatementExtractor.Extract("其中，予以公开及部分公开 13 件（46.43%），不予公开 4 件（14.29%），其他处理 4 件（14.29%，含申请人撤回 1 件）。", "overview");

        var combined = Assert.Single(statements, s => s.Category == "disclosed_or_partly");
        Assert.Equal(13, combined.Value);
        Assert.Equal(46.43m, combined.Percent);
        Assert.DoesNotContain(statements, s => s.Category == "partly");
        Assert.Equal(1, Assert.Single(statements, s => s.Category == "withdrawn").Value);
    }

    [Fact]
    public void Including_carried_in_marks_the_figure_before_it()
    {
        var handled = Single("依申请公开方面，办结 28 件（含上年结转 2 件）。", StatementKind.Handled);

        Assert.True(handled.IncludesCarriedIn);
        Assert.Equal(2, Single("办结 28 件（含上年结转 2 件）。", StatementKind.CarriedIn).Value);
    }

    [Fact]
    public void Claims_without_numbers()
    {
        Assert.Equal("both", Single("全年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。", StatementKind.NoCases).Group);
        Assert.Equal("review", Single("行政复议1起，正在办理中。", StatementKind.Pending).Group);
        Assert.Equal("review", Single("上述行政复议案件均获维持。", StatementKind.AllUpheld).Group);
        Assert.Equal("organisations", Single("本年度未收到法人或者其他组织的政府信息公开申请。", StatementKind.NoRequests).Group);
        Assert.Equal("all", Single("本年度未收到政府信息公开申请。", StatementKind.NoRequests).Group);
        Assert.Equal(0, Single("本年度未收取信息处理费。", StatementKind.Fee).Value);
    }

    [Fact]
    public void Lists_with_a_total_and_a_contradicting_second_total()
    {
        var statements = StatementExtractor.Extract("全年共主动公开政府信息60条，其中：工作动态30条，通知公告20条，其他信息9条。其中主动公开政府信息12条，依申请公开信息5条。", "overview");

        var list = Assert.Single(statements, s => s.Kind == StatementKind.ListTotal);
        Assert.Equal(60, list.Value);
        Assert.Equal([30m, 20m, 9m], list.Parts);
        Assert.True(list.PartsComplete);
        var restated = Assert.Single(statements, s => s.Kind == StatementKind.RestatedTotal);
        Assert.Equal(12, restated.Value);
    }

    [Fact]
    public void Numbers_about_other_things_are_not_statements()
    {
        var statements = StatementExtractor.Extract("依申请公开实行登记、拟办、审核、答复五个环节留痕管理。全年共办理代表建议和政协提案72件。梳理细分的22项具体任务已全部完成，其中7项形成长效工作机制。依托“一件事”联办平台，共处理企业咨询979件次。", "overview");

        Assert.Empty(statements);
    }

    [Fact]
    public void Seed_statements_are_the_ones_its_narrative_makes()
    {
        var report = new PublishPipeline.Reading.DraftReader().Read(Corpus.SeedName, Corpus.Bytes(Corpus.SeedName)).Report!;

        var statements = StatementExtractor.Of(report);

        Assert.Equal(
            ["Received 57", "Handled 45", "CarriedOut 6", "ResultCount 5", "ResultCount 1", "CorrectedCount 0", "CorrectedCount 0"],
            statements.Select(s => $"{s.Kind} {s.Value}"));
    }
}
