using PublishPipeline.Reading;
using PublishPipeline.Reading.Flattened;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Reading.Flattened;

public class FlattenedReadingTests
{
    private static readonly ReportValidator Validator = new();

    // Every row 0 except those given; the runs are printed as crawled pages print them, digits run together.
    private static Func<string, string> Rows(Dictionary<string, string> runs) => key => runs.GetValueOrDefault(key, "0000000");

    private static Report Read(string text) => new TextReportReader().Read(text);

    [Fact]
    public void The_crawler_header_gives_title_date_and_agency_and_the_body_starts_after_the_marker()
    {
        var report = Read(FlattenedText.Build(Rows([])));

        Assert.Equal("某县人民政府2022年度政府信息公开工作年度报告", report.Title);
        Assert.Equal("某县人民政府", report.Agency);
        Assert.Equal("2023-01-20", report.PublishedOn);
        Assert.Equal(2022, report.Year);
        Assert.DoesNotContain("原文链接", report.Preamble ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_needs_a_title_and_a_page_field()
    {
        Assert.Null(CrawlerHeader.Parse("标题: 某报告\n一、总体情况\n正文"));
        Assert.Null(CrawlerHeader.Parse("某县2022年度政府信息公开工作年度报告\n发布时间: 2023-01-20\n"));
        var header = CrawlerHeader.Parse("标题：某报告\n发布日期：2023-01-20\n来源：某县\n--- 正文 ---\n一、总体情况");
        Assert.NotNull(header);
        Assert.Equal("一、总体情况", header.Body);
        Assert.Equal("2023-01-20", header.Published);
    }

    [Fact]
    public void The_six_parts_are_found_inline_and_table_labels_with_numerals_are_not_parts()
    {
        var report = Read(FlattenedText.Build(Rows([])));

        Assert.Equal(["一", "二", "三", "四", "五", "六"], report.Sections.Select(s => s.Number));
        Assert.Equal("政府信息公开行政复议、行政诉讼情况", report.Sections[3].Heading);
    }

    [Fact]
    public void Glued_sub_row_numbers_come_from_the_template_not_from_the_run()
    {
        // (四)1 is 31/0/0/0/0/0/31 and is followed by "2.没有现成信息…": the run prints "3100000312.没有…".
        var report = Read(FlattenedText.Build(Rows(new()
        {
            ["new"] = "310000031",
            ["r4_1"] = "310000031",
            ["total"] = "310000031",
        })));

        var requests = report.Tables.Requests!;
        Assert.Equal([31m, 0, 0, 0, 0, 0, 31], requests["r4_1"].Select(c => c.Number));
        Assert.Equal([0m, 0, 0, 0, 0, 0, 0], requests["r4_2"].Select(c => c.Number));
        Assert.Equal(25, requests.Count);
        Assert.Null(report.Tables.Unread?.Find(u => u.Table == "requests"));
    }

    [Fact]
    public void Column_identities_settle_rows_that_their_own_total_leaves_open()
    {
        // 110000011 is 1/10/0/0/0/0/11 or 11/0/0/0/0/0/11; the total row printed with spaces says which.
        var report = Read(FlattenedText.Build(Rows(new()
        {
            ["new"] = "110000011",
            ["r1"] = "110000011",
            ["total"] = "1 10 0 0 0 0 11",
        })));

        Assert.Equal([1m, 10, 0, 0, 0, 0, 11], report.Tables.Requests!["new"].Select(c => c.Number));
        Assert.Equal([1m, 10, 0, 0, 0, 0, 11], report.Tables.Requests["r1"].Select(c => c.Number));
        Assert.DoesNotContain(report.Tables.Unread!, u => u.Table == "requests");
        Assert.DoesNotContain(Validator.Validate(report), f => f.Rule is "D1" or "D2" or "D3" || (f.Rule == "C7" && f.Location?.Table == "requests"));
    }

    [Fact]
    public void Rows_the_arithmetic_cannot_settle_are_unread_and_only_C7_speaks_of_them()
    {
        var report = Read(FlattenedText.Build(Rows(new()
        {
            ["new"] = "110000011",
            ["r1"] = "110000011",
            ["total"] = "110000011",
        })));

        Assert.Equal(["new", "r1", "total"], report.Tables.Unread!.Where(u => u.Table == "requests").Select(u => u.Row).Order());
        Assert.All(report.Tables.Unread!.Where(u => u.Table == "requests"), u => Assert.Equal(2, u.Candidates));
        Assert.False(report.Tables.Requests!.ContainsKey("new"));

        var findings = Validator.Validate(report);
        var c7 = findings.Where(f => f.Rule == "C7" && f.Location?.Table == "requests").ToList();
        Assert.Equal(3, c7.Count);
        Assert.Contains(c7, f => f.Message.Contains("“110000011”", StringComparison.Ordinal) && f.Message.Contains("2 种拆分", StringComparison.Ordinal)
            && f.Message.Contains("原始文件", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Rule is "C1" or "B4" or "D1" or "D2" or "D3" or "F1" or "F2" or "F3");
    }

    [Fact]
    public void A_row_no_split_fits_is_unread_with_no_candidates()
    {
        var report = Read(FlattenedText.Build(Rows(new() { ["r1"] = "9000001" })));

        var unread = Assert.Single(report.Tables.Unread!, u => u.Table == "requests");
        Assert.Equal("r1", unread.Row);
        Assert.Equal(0, unread.Candidates);
        var findings = Validator.Validate(report);
        Assert.Contains(findings, f => f.Rule == "C7" && f.Message.Contains("没有一种拆分", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Rule is "B4" or "C1" or "D2" or "D3");
    }

    [Fact]
    public void A_three_column_row_of_table_two_is_never_guessed()
    {
        var report = Read(FlattenedText.Build(Rows([])));

        var unread = Assert.Single(report.Tables.Unread!);
        Assert.Equal(("proactive", "art20_1/normative_docs", "8855698"), (unread.Table, unread.Row, unread.Printed));
        Assert.True(unread.Candidates > 1);
        Assert.Equal([10m], report.Tables.Proactive!["art20_5"]["licensing"].Select(c => c.Number));
        Assert.Equal([1.5m], report.Tables.Proactive["art20_8"]["fees"].Select(c => c.Number));

        var findings = Validator.Validate(report);
        Assert.Contains(findings, f => f.Rule == "C7" && f.Location?.Row == "art20_1/normative_docs");
        Assert.DoesNotContain(findings, f => f.Rule is "B4" or "B2" or "C1" or "E3");
    }

    [Fact]
    public void Table_four_is_split_by_its_group_totals()
    {
        var report = Read(FlattenedText.Build(Rows([]), review: "21317000001324019"));

        var review = report.Tables.ReviewLitigation!;
        Assert.Equal([2m, 1, 3, 1, 7], review["review"].Select(c => c.Number));
        Assert.Equal([13m, 2, 4, 0, 19], review["suit_after_review"].Select(c => c.Number));
    }

    [Fact]
    public void The_unread_rows_travel_in_the_json_contract()
    {
        var report = Read(FlattenedText.Build(Rows([])));
        var json = ReportJson.Serialize(new ReportDocument { Report = report });

        Assert.Contains("\"unread\"", json, StringComparison.Ordinal);
        var back = ReportJson.Deserialize(json).Report;
        Assert.Equal(report.Tables.Unread!.Select(u => (u.Table, u.Row, u.Printed, u.Candidates)), back.Tables.Unread!.Select(u => (u.Table, u.Row, u.Printed, u.Candidates)));
        Assert.Equal(Validator.Validate(report).Select(f => f.Rule), Validator.Validate(back).Select(f => f.Rule));
    }

    [Fact]
    public void Text_with_its_line_structure_is_not_flattened()
    {
        Assert.Null(FlattenedLayout.TrySplit(File.ReadAllText(Corpus.File(Corpus.SeedName))));
    }
}
