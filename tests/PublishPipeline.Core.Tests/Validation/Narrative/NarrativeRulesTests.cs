using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Validation.Narrative;

public class NarrativeRulesTests
{
    // Only the narrative rules' findings: the rest of the catalogue also runs and has its own tests.
    private static readonly HashSet<string> NarrativeIds = PublishPipeline.Validation.Narrative.NarrativeRules.All.Select(r => r.Id).ToHashSet();

    private static IReadOnlyList<Finding> Narrative(string overview, string other = NarrativeReports.NoFee) =>
        new ReportValidator().Validate(NarrativeReports.With(overview, other)).Where(f => NarrativeIds.Contains(f.Rule)).ToList();

    [Fact]
    public void A_narrative_that_agrees_with_the_tables_gives_no_finding()
    {
        Assert.Empty(Narrative(
            "本年度共受理政府信息公开申请30件，办结28件（含上年结转2件），结转下一年度办理4件。其中，予以公开及部分公开13件（46.43%），不予公开4件，无法提供6件，不予处理1件，其他处理4件（14.29%）。本年度行政复议3件，1件尚未审结。全年主动公开行政规范性文件5件。",
            "本年度收取信息处理费300元。"));
    }

    [Fact]
    public void F1_received_that_fits_no_reading_is_one_warning_with_every_candidate()
    {
        var finding = Assert.Single(Narrative("全年收到政府信息公开申请31件。"));

        Assert.Equal(("F1", Severity.Warning), (finding.Rule, finding.Severity));
        Assert.Equal(new FindingLocation { Section = "overview", Table = "requests", Row = "new", Column = "total" }, finding.Location);
        Assert.Contains("一=30", finding.Message, StringComparison.Ordinal);
        Assert.Contains("一+二=32", finding.Message, StringComparison.Ordinal);
        Assert.Contains("“全年收到政府信息公开申请31件。”", finding.Message, StringComparison.Ordinal);
        Assert.Equal((30m, 31m), (finding.Expected!.Value, finding.Actual!.Value));
    }

    [Fact]
    public void F1_accepts_new_plus_carried_in()
    {
        Assert.Empty(Narrative("全年收到政府信息公开申请32件（含上年结转2件）。"));
    }

    [Fact]
    public void F2_answered_may_exclude_other_handling_and_a_mismatch_names_both_readings()
    {
        Assert.Empty(Narrative("依申请公开方面，答复24件。"));
        var finding = Assert.Single(Narrative("依申请公开方面，答复25件。"));
        Assert.Equal("F2", finding.Rule);
        Assert.Contains("(七)总计=28", finding.Message, StringComparison.Ordinal);
        Assert.Contains("(七)总计−(六)其他处理=24", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void F3_category_count_and_percentage_errors_point_at_the_table()
    {
        var findings = Narrative("依申请公开方面，予以公开11件（39.29%），无法提供6件（50%）。");

        var count = Assert.Single(findings, f => f.Message.Contains("予以公开11件", StringComparison.Ordinal) && f.Expected == 10);
        Assert.Equal(("F3", Severity.Error, "r1"), (count.Rule, count.Severity, count.Location!.Row));
        var percent = Assert.Single(findings, f => f.Actual == 50);
        Assert.Equal(21.43m, percent.Expected);
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void F3_not_supplemented_maps_to_its_2021_row()
    {
        var finding = Assert.Single(Narrative("依申请公开方面，申请人逾期不补正2件。"));
        Assert.Equal(("F3", "r6_1", 1m), (finding.Rule, finding.Location!.Row, finding.Expected!.Value));
    }

    [Theory]
    [InlineData("本年度未发生行政复议。", "review", "total")]
    [InlineData("本年度行政复议均获维持。", "review", null)]
    [InlineData("本年度行政复议纠错1件。", "review", "corrected")]
    [InlineData("本年度行政诉讼2件。", null, "total")]
    public void F4_claims_against_table_four_are_errors(string sentence, string? row, string? column)
    {
        var finding = Assert.Single(Narrative(sentence));

        Assert.Equal(("F4", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Equal(("review_litigation", row, column), (finding.Location!.Table, finding.Location.Row, finding.Location.Column));
    }

    [Fact]
    public void F5_proactive_counts_against_table_two()
    {
        var finding = Assert.Single(Narrative("全年主动公开行政规范性文件6件。"));
        Assert.Equal(("F5", "art20_1/normative_docs", "issued"), (finding.Rule, finding.Location!.Row, finding.Location.Column));
        Assert.Empty(Narrative("全年主动公开行政规范性文件7件。")); // 制发 5 + 废止 2: the other reading
    }

    [Fact]
    public void F6_list_that_does_not_add_up()
    {
        var finding = Assert.Single(Narrative("全年共主动公开政府信息60条，其中：工作动态30条，通知公告20条，其他信息9条。"));
        Assert.Equal(("F6", Severity.Warning, 60m, 59m), (finding.Rule, finding.Severity, finding.Expected!.Value, finding.Actual!.Value));
        Assert.Equal(new FindingLocation { Section = "overview" }, finding.Location);
    }

    [Fact]
    public void F7_no_requests_while_the_table_has_some()
    {
        Assert.Equal("F7", Assert.Single(Narrative("本年度未收到政府信息公开申请。")).Rule);
    }

    [Fact]
    public void E6_no_organisation_applicants_while_the_table_has_some()
    {
        var report = NarrativeReports.With("本年度未收到法人或者其他组织的政府信息公开申请。");
        report.Tables.Requests!["new"] = NarrativeReports.Row(28, 2, 0, 0, 0, 0, 30);

        var finding = Assert.Single(new ReportValidator().Validate(report), f => f.Rule == "E6");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(2, finding.Actual);
    }

    [Fact]
    public void E6_a_natural_person_count_may_include_last_years_carried_over_applications()
    {
        // The shape of a real report (Pingtan 2022): 收到75件 = 74 new + 1 carried in, 自然人72件 = 71 new + 1 carried.
        var report = NarrativeReports.With("全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，均在法定期限内予以答复。");
        report.Tables.Requests!["new"] = NarrativeReports.Row(71, 3, 0, 0, 0, 0, 74);
        report.Tables.Requests!["carried_in"] = NarrativeReports.Row(1, 0, 0, 0, 0, 0, 1);

        Assert.DoesNotContain(new ReportValidator().Validate(report), f => f.Rule == "E6");

        // Neither reading: the finding gives both.
        report.Tables.Requests!["new"] = NarrativeReports.Row(69, 3, 0, 0, 0, 0, 72);
        var finding = Assert.Single(new ReportValidator().Validate(report), f => f.Rule == "E6");
        Assert.Contains("69（含上年结转为 70）", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void F8_unpaid_fee_applications_need_a_fee_statement()
    {
        var finding = Assert.Single(Narrative("本年度依申请公开工作平稳。", other: ""));
        Assert.Equal(("F8", "r6_2"), (finding.Rule, finding.Location!.Row));
        Assert.Empty(Narrative("本年度依申请公开工作平稳。", "本年度未收取信息处理费。"));
    }

    [Fact]
    public void Seed_findings_are_the_real_ones()
    {
        var report = new PublishPipeline.Reading.DraftReader().Read(Corpus.SeedName, Corpus.Bytes(Corpus.SeedName)).Report!;

        var findings = new ReportValidator().Validate(report).Where(f => NarrativeIds.Contains(f.Rule)).ToList();

        var handled = Assert.Single(findings, f => f.Rule == "F2");
        Assert.Equal((Severity.Warning, 52m, 45m), (handled.Severity, handled.Expected!.Value, handled.Actual!.Value));
        Assert.Contains("=47", handled.Message, StringComparison.Ordinal);
        var other = Assert.Single(findings, f => f.Rule == "F3");
        Assert.Equal((Severity.Warning, 5m, 6m), (other.Severity, other.Expected!.Value, other.Actual!.Value));
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void Shanghai_2025_narrative_agrees_with_its_tables_where_they_were_read()
    {
        var name = "2025-shanghai-bgt-pdfmd.txt";
        var report = new PublishPipeline.Reading.DraftReader().Read(name, Corpus.Bytes(name)).Report!;

        Assert.DoesNotContain(new ReportValidator().Validate(report), f => f.Rule[0] == 'F' && f.Severity == Severity.Error);
    }
}
