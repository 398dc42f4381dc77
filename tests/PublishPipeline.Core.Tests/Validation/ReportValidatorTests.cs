using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Validation;

public class ReportValidatorTests
{
    // The slice's rules only: this report is tables without prose, which the structure and text rules would flag.
    private readonly ReportValidator validator = new(new ReportValidator().Rules.Where(r => r.Id is "A1" or "C1" or "C2" or "D1" or "D2" or "D3" or "D4"));

    /// <summary>A consistent 2019-template report built here (numbers invented for the test, not from the corpus).</summary>
    private static Report Consistent()
    {
        static List<CellValue> Row(params decimal[] values) => values.Select(CellValue.Of).ToList();
        var zero = new decimal[7];
        var requests = new Dictionary<string, List<CellValue>>
        {
            ["new"] = Row(20, 4, 1, 0, 0, 0, 25),
            ["carried_in"] = Row(2, 1, 0, 0, 0, 0, 3),
            ["r1"] = Row(10, 2, 1, 0, 0, 0, 13),
            ["r2"] = Row(3, 0, 0, 0, 0, 0, 3),
        };
        foreach (var key in new[] { "r3_1", "r3_2", "r3_3", "r3_4", "r3_5", "r3_6", "r3_7", "r3_8", "r4_2", "r4_3", "r5_1", "r5_2", "r5_3", "r5_4", "r5_5" })
        {
            requests[key] = Row(zero);
        }

        requests["r4_1"] = Row(5, 1, 0, 0, 0, 0, 6);
        requests["r6"] = Row(1, 0, 0, 0, 0, 0, 1);
        requests["total"] = Row(19, 3, 1, 0, 0, 0, 23);
        requests["carried_out"] = Row(3, 2, 0, 0, 0, 0, 5);
        return new Report
        {
            Template = "2019",
            Year = 2020,
            Title = "2020年测试县统计局政府信息公开工作年度报告",
            Agency = "测试县统计局",
            Tables = new ReportTables
            {
                Requests = requests,
                ReviewLitigation = new()
                {
                    ["review"] = Row(1, 1, 0, 1, 3),
                    ["suit_direct"] = Row(0, 0, 0, 0, 0),
                    ["suit_after_review"] = Row(0, 0, 1, 0, 1),
                },
                Proactive = new()
                {
                    ["art20_1"] = new() { ["rules"] = Row(0, 0, 0), ["normative_docs"] = Row(2, 2, 9) },
                },
            },
        };
    }

    [Fact]
    public void Consistent_report_has_no_findings()
    {
        Assert.Empty(validator.Validate(Consistent()));
    }

    [Fact]
    public void D1_fires_at_the_carried_out_cell_of_the_broken_column()
    {
        var report = Consistent();
        report.Tables.Requests!["carried_out"][1] = CellValue.Of(3); // commercial: 4+1 = 5 but 3+3 = 6

        var findings = validator.Validate(report).Where(f => f.Rule == "D1").ToList();

        var finding = Assert.Single(findings);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(new FindingLocation { Table = "requests", Row = "carried_out", Column = "commercial" }, finding.Location);
        Assert.Equal(2m, finding.Expected);
        Assert.Equal(3m, finding.Actual);
        Assert.Contains("表三「四、结转下年度继续办理」行「商业企业」列", finding.Message, StringComparison.Ordinal);
        Assert.Contains("一(4)+二(1)=5", finding.Message, StringComparison.Ordinal);
        Assert.Contains("(七)总计(3)+四(3)=6", finding.Message, StringComparison.Ordinal);
        Assert.Contains("应为 2，实为 3", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void D2_is_only_a_warning_when_result_rows_are_missing_from_the_document()
    {
        var report = Consistent();
        report.Tables.Requests!.Remove("r4_1"); // a truncated page lost the row that holds the difference (6)

        var d2 = Assert.Single(validator.Validate(report), f => f.Rule == "D2" && f.Location!.Column == "total");

        Assert.Equal(Severity.Warning, d2.Severity);
        Assert.Contains("缺少 1 个办理结果行", d2.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(validator.Validate(report), f => f.Rule == "D2" && f.Severity == Severity.Error);
    }

    [Fact]
    public void D2_fires_at_the_total_row_of_the_broken_column()
    {
        var report = Consistent();
        report.Tables.Requests!["r3_4"][0] = CellValue.Of(1); // one more natural-person refusal, totals unchanged

        var findings = validator.Validate(report);

        var d2 = Assert.Single(findings, f => f.Rule == "D2");
        Assert.Equal(new FindingLocation { Table = "requests", Row = "total", Column = "natural" }, d2.Location);
        Assert.Equal(20m, d2.Expected);
        Assert.Equal(19m, d2.Actual);
        Assert.Contains("表三「（七）总计」行「自然人」列", d2.Message, StringComparison.Ordinal);

        // The same cell also breaks its row sum (D3) — and nothing else.
        var d3 = Assert.Single(findings, f => f.Rule == "D3");
        Assert.Equal(new FindingLocation { Table = "requests", Row = "r3_4", Column = "total" }, d3.Location);
        Assert.Contains("表三「（三）不予公开 4.保护第三方合法权益」行「总计」列", d3.Message, StringComparison.Ordinal);
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void D3_fires_on_the_row_whose_total_is_wrong()
    {
        var report = Consistent();
        report.Tables.Requests!["r2"][6] = CellValue.Of(4);

        var d3 = Assert.Single(validator.Validate(report), f => f.Rule == "D3");

        Assert.Equal(new FindingLocation { Table = "requests", Row = "r2", Column = "total" }, d3.Location);
        Assert.Equal(3m, d3.Expected);
        Assert.Equal(4m, d3.Actual);
        Assert.Contains("「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」行「总计」列", d3.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("review", 0, "行政复议")]
    [InlineData("suit_direct", 3, "行政诉讼 未经复议直接起诉")]
    [InlineData("suit_after_review", 4, "行政诉讼 复议后起诉")]
    public void D4_fires_on_the_group_whose_total_is_wrong(string group, int column, string label)
    {
        var report = Consistent();
        var cells = report.Tables.ReviewLitigation![group];
        cells[column] = CellValue.Of(cells[column].Number + 2);

        var d4 = Assert.Single(validator.Validate(report), f => f.Rule == "D4");

        Assert.Equal(new FindingLocation { Table = "review_litigation", Row = group, Column = "total" }, d4.Location);
        Assert.Contains($"表四「{label}」行「总计」列", d4.Message, StringComparison.Ordinal);
        Assert.Equal(2m, Math.Abs(d4.Expected!.Value - d4.Actual!.Value));
    }

    [Fact]
    public void Blank_cell_is_c1_and_arithmetic_says_it_cannot_check()
    {
        var report = Consistent();
        report.Tables.Requests!["carried_out"][6] = CellValue.Blank;

        var findings = validator.Validate(report);

        var c1 = Assert.Single(findings, f => f.Rule == "C1");
        Assert.Equal(Severity.Error, c1.Severity);
        Assert.Equal(5m, c1.Expected); // the six applicant columns add up to 5
        Assert.Contains("空白不等于 0", c1.Message, StringComparison.Ordinal);
        var d1 = Assert.Single(findings, f => f.Rule == "D1");
        Assert.Equal(Severity.Warning, d1.Severity);
        Assert.Contains("无法核对", d1.Message, StringComparison.Ordinal);
        Assert.Contains("若空白按 0 计", d1.Message, StringComparison.Ordinal);
        Assert.Equal(5m, d1.Expected);
        Assert.DoesNotContain(findings, f => f.Rule is "D1" or "D3" && f.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("/", 0)]
    [InlineData("减4", -4)]
    [InlineData("0万元", 0)]
    [InlineData("22（其中修订16件）", 22)]
    public void Text_cell_is_c2_with_a_canonical_suggestion(string raw, int suggestion)
    {
        var report = Consistent();
        report.Tables.Proactive!["art20_1"]["normative_docs"][2] = CellValue.OfText(raw);

        var c2 = Assert.Single(validator.Validate(report));

        Assert.Equal("C2", c2.Rule);
        Assert.Equal(Severity.Error, c2.Severity);
        Assert.Equal(new FindingLocation { Table = "proactive", Row = "art20_1/normative_docs", Column = "total_published" }, c2.Location);
        Assert.Equal(suggestion, c2.Expected);
        Assert.Contains($"表二「第二十条第（一）项 规范性文件」行「对外公开总数量」列填写了文字“{raw}”", c2.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "E5", Severity.Info)]
    [InlineData("减4", "E5", Severity.Info)]
    public void Text_in_the_2019_change_column_is_e5_info(string raw, string rule, Severity severity)
    {
        var report = Consistent();
        report.Tables.Proactive!["art20_5"] = new() { ["licensing"] = [CellValue.Of(6), CellValue.OfText(raw), CellValue.Of(2)] };

        var finding = Assert.Single(validator.Validate(report));

        Assert.Equal(rule, finding.Rule);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(new FindingLocation { Table = "proactive", Row = "art20_5/licensing", Column = "change" }, finding.Location);
    }

    [Theory]
    [InlineData("0万元", Severity.Warning)]
    [InlineData("52.15元", Severity.Warning)]
    [InlineData("/", Severity.Error)]
    public void Procurement_amount_with_its_unit_is_a_warning_other_text_an_error(string raw, Severity severity)
    {
        var report = Consistent();
        report.Tables.Proactive!["art20_9"] = new() { ["procurement"] = [CellValue.Of(3), CellValue.OfText(raw)] };

        var finding = Assert.Single(validator.Validate(report));

        Assert.Equal("C2", finding.Rule);
        Assert.Equal(severity, finding.Severity);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("测试县统计局政府信息公开工作年度报告")]
    [InlineData("2020年测试县统计局工作总结")]
    public void A1_when_the_title_lacks_a_year_or_the_phrase(string? title)
    {
        var report = Consistent();
        report.Title = title;

        var a1 = Assert.Single(validator.Validate(report));

        Assert.Equal("A1", a1.Rule);
        Assert.Equal(Severity.Error, a1.Severity);
    }
}
