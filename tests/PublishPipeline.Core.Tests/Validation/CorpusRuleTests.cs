using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Validation;

/// <summary>
/// The failures corpus/INDEX.md records, found by the rules on the corpus read through DraftReader alone: the 导语,
/// the 发布日期 and the printed row labels come from the reader, never from the test.
/// </summary>
public class CorpusRuleTests
{
    private static readonly ReportValidator Validator = new();

    private static Report Read(string name) =>
        new DraftReader().Read(name, Corpus.Bytes(name)).Report ?? throw new InvalidOperationException(name + " did not read");

    private static List<Finding> Findings(Report report, string rule, ValidationInputs? inputs = null) =>
        Validator.Validate(report, inputs).Where(f => f.Rule == rule).ToList();

    [Fact]
    public void B3_jxx_mirror_prints_2019_tables_in_a_2023_report()
    {
        var report = Read("2023-jxx-mzj-mirror.txt");

        var finding = Assert.Single(Findings(report, "B3"));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("2023 年度报告应使用国办公开办函〔2021〕30号", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A6_xixian_cites_the_superseded_60_notice()
    {
        var finding = Assert.Single(Findings(Read("2022-xixian-taipingzhen.txt"), "A6"));

        // The 导语 is printed under 一、总体情况; the reader takes it out of the part as the preamble.
        Assert.Equal(new FindingLocation { Section = "preamble" }, finding.Location);
        Assert.Contains("国办公开办函〔2019〕60号", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B9_zhashui_says_six_parts_and_lists_five_without_the_overview()
    {
        var finding = Assert.Single(Findings(Read("2021-zhashui-fenghuangzhen.txt"), "B9"));

        Assert.Equal((6m, 5m), (finding.Expected, finding.Actual));
        Assert.Equal(new FindingLocation { Section = "preamble" }, finding.Location);
        Assert.Contains("缺少“总体情况”", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2021-baokang-nyncj.txt", "收到和处理政府信息公开申请情况")]
    [InlineData("2023-qu-tjj-61150.txt", "政府信息公开行政复议、行政诉讼情况")]
    public void B9_six_parts_announced_and_five_listed_in_the_preamble(string name, string missing)
    {
        var finding = Assert.Single(Findings(Read(name), "B9"));

        Assert.Equal(new FindingLocation { Section = "preamble" }, finding.Location);
        Assert.Contains($"缺少“{missing}”", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2021-zhashui-fenghuangzhen.txt")]
    [InlineData("2022-suixi-beipozhen.txt")]
    public void I3_mirror_copies_are_in_traditional_characters(string name)
    {
        Assert.Equal(Severity.Warning, Assert.Single(Findings(Read(name), "I3")).Severity);
    }

    [Fact]
    public void I2_zhashui_mirror_carries_pinyin_annotations()
    {
        Assert.Contains("“據(jù)”", Assert.Single(Findings(Read("2021-zhashui-fenghuangzhen.txt"), "I2")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C4_suixi_fee_has_six_decimals()
    {
        var finding = Assert.Single(Findings(Read("2022-suixi-beipozhen.txt"), "C4"));

        Assert.Equal(new FindingLocation { Table = "proactive", Row = "art20_8/fees", Column = "amount_wan_yuan" }, finding.Location);
        Assert.Equal(190.457379m, finding.Actual);
    }

    [Fact]
    public void B2_hunnan_has_headings_without_tables()
    {
        var findings = Findings(Read("2021-hunnan-mzzj.txt"), "B2");

        Assert.Equal(["proactive", "requests", "review_litigation"], findings.Select(f => f.Location!.Section));
    }

    [Fact]
    public void A4_siping_published_before_its_year_ended()
    {
        var report = Read("2021-siping-simalu-jd.txt");
        Assert.Equal("2021-12-23", report.PublishedOn); // "发布日期:2021-12-23" above the report

        var finding = Assert.Single(Findings(report, "A4"));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("2021年12月23日", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C6_siping_and_anhui_dates_lost_their_characters()
    {
        var siping = Read("2021-siping-simalu-jd.txt");
        var anhui = Read("2021-anhui-tjj.txt");

        var sipingFindings = Findings(siping, "C6");
        var anhuiFindings = Findings(anhui, "C6");

        Assert.Contains(sipingFindings, f => f.Message.Contains("“202111日”", StringComparison.Ordinal));
        Assert.Contains(sipingFindings, f => f.Message.Contains("“20211231日”", StringComparison.Ordinal));
        Assert.Contains(anhuiFindings, f => f.Message.Contains("“〔202137号”", StringComparison.Ordinal));
    }

    [Fact]
    public void C1_kewei_carried_out_total_is_blank_and_its_value_is_implied()
    {
        var c1 = Findings(Read("2024-shanghai-kewei-pdfmd.txt"), "C1");

        var finding = Assert.Single(c1, f => f.Location == new FindingLocation { Table = "requests", Row = "carried_out", Column = "total" });
        Assert.Equal(1m, finding.Expected);
    }

    [Fact]
    public void Seed_passes_every_new_rule_but_the_missing_period_statement_and_the_lost_subheading_number()
    {
        // C2/E5 (placeholders) and the narrative group F have their own seed tests.
        var findings = Validator.Validate(Read(Corpus.SeedName)).Where(f => !NotChecked.Is(f) && f.Rule is not ("C2" or "E5") && f.Rule[0] != 'F').ToList();

        Assert.Equal(["A3", "B10"], findings.Select(f => f.Rule).Order(StringComparer.Ordinal));
        var b10 = Assert.Single(findings, f => f.Rule == "B10");
        Assert.Equal(("overview", 3m, 4m), (b10.Location!.Section, b10.Expected, b10.Actual));
        Assert.Contains("“政府信息管理方面”一行可能丢失了编号", b10.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("（一）主动公开\n内容。\n（二）依申请公开\n内容。\n（三）政府信息管理\n内容。", false)]
    [InlineData("(一)主动公开\n内容。\n(三)政府信息管理\n内容。", true)]
    [InlineData("（一）主动公开\n内容。\n（二）依申请公开\n内容。", false)]
    public void B10_flags_a_gap_in_subheading_numbers(string overview, bool fires)
    {
        var report = Read(Corpus.SeedName);
        report.Sections[0].Text = overview;

        Assert.Equal(fires, Validator.Validate(report).Any(f => f.Rule == "B10"));
    }
}
