using PublishPipeline.Reading;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Reading;

public class TextReportReaderTests
{
    private static Report ReadSeed() => new TextReportReader().Read(File.ReadAllText(Corpus.File(Corpus.SeedName)));

    private static object?[] Cells(IEnumerable<CellValue> cells) =>
        cells.Select(c => c.Kind switch { CellKind.Number => (object?)c.Number, CellKind.Text => c.Raw, _ => null }).ToArray();

    [Fact]
    public void Seed_metadata()
    {
        var report = ReadSeed();

        Assert.Equal("2020年杭州市富阳区人民政府办公室政府信息公开工作年度报告", report.Title);
        Assert.Equal(2020, report.Year);
        Assert.Equal("杭州市富阳区人民政府办公室", report.Agency);
        Assert.Equal("2019", report.Template);
        Assert.Null(report.Period); // the seed states no statistical period
    }

    [Fact]
    public void Seed_sections_in_order_with_narrative_only()
    {
        var report = ReadSeed();

        Assert.Equal(["overview", "proactive", "requests", "review_litigation", "problems", "other"], report.Sections.Select(s => s.Key));
        Assert.Equal(["一", "二", "三", "四", "五", "六"], report.Sections.Select(s => s.Number));
        Assert.Equal("因政府信息公开工作被申请行政复议、提起行政诉讼情况", report.Sections[3].Heading);
        Assert.StartsWith("2020年，杭州市富阳区人民政府办公室在省、市政府办公厅", report.Sections[0].Text, StringComparison.Ordinal);
        Assert.Equal("", report.Sections[1].Text); // table 二 is not narrative
        Assert.Equal("无。", report.Sections[5].Text);
    }

    [Fact]
    public void Seed_table_two_every_cell()
    {
        var proactive = ReadSeed().Tables.Proactive!;

        Assert.Equal(["art20_1", "art20_5", "art20_6", "art20_8", "art20_9"], proactive.Keys);
        Assert.Equal([0m, 0m, 0m], Cells(proactive["art20_1"]["rules"]));
        Assert.Equal([18m, 18m, 41m], Cells(proactive["art20_1"]["normative_docs"]));
        Assert.Equal([0m, "/", 0m], Cells(proactive["art20_5"]["licensing"]));
        Assert.Equal([0m, "/", 0m], Cells(proactive["art20_5"]["other_services"]));
        Assert.Equal([0m, "/", 0m], Cells(proactive["art20_6"]["penalty"]));
        Assert.Equal([0m, "/", 0m], Cells(proactive["art20_6"]["enforcement"]));
        Assert.Equal([0m, "/"], Cells(proactive["art20_8"]["fees"]));
        Assert.Equal([0m, "0万元"], Cells(proactive["art20_9"]["procurement"]));
    }

    [Fact]
    public void Seed_table_three_every_cell()
    {
        var requests = ReadSeed().Tables.Requests!;
        var zero = new object?[] { 0m, 0m, 0m, 0m, 0m, 0m, 0m };
        var expected = new Dictionary<string, object?[]>
        {
            ["new"] = [49m, 8m, 0m, 0m, 0m, 0m, 57m],
            ["carried_in"] = [1m, 0m, 0m, 0m, 0m, 0m, 1m],
            ["r1"] = [22m, 3m, 0m, 0m, 0m, 0m, 25m],
            ["r2"] = [3m, 0m, 0m, 0m, 0m, 0m, 3m],
            ["r3_1"] = zero, ["r3_2"] = zero, ["r3_3"] = zero, ["r3_4"] = zero,
            ["r3_5"] = zero, ["r3_6"] = zero, ["r3_7"] = zero,
            ["r3_8"] = [1m, 0m, 0m, 0m, 0m, 0m, 1m],
            ["r4_1"] = [18m, 0m, 0m, 0m, 0m, 0m, 18m],
            ["r4_2"] = zero, ["r4_3"] = zero,
            ["r5_1"] = zero, ["r5_2"] = zero, ["r5_3"] = zero, ["r5_4"] = zero, ["r5_5"] = zero,
            ["r6"] = [5m, 0m, 0m, 0m, 0m, 0m, 5m],
            ["total"] = [49m, 3m, 0m, 0m, 0m, 0m, 52m],
            ["carried_out"] = [1m, 5m, 0m, 0m, 0m, 0m, 6m],
        };

        Assert.Equal(expected.Keys, requests.Keys); // template order, 23 rows
        foreach (var (row, cells) in expected)
        {
            Assert.True(cells.SequenceEqual(Cells(requests[row])), $"row {row}: {string.Join(",", Cells(requests[row]))}");
        }
    }

    [Fact]
    public void Seed_table_four_every_cell()
    {
        var review = ReadSeed().Tables.ReviewLitigation!;

        Assert.Equal(["review", "suit_direct", "suit_after_review"], review.Keys);
        foreach (var cells in review.Values)
        {
            Assert.Equal([0m, 0m, 0m, 0m, 0m], Cells(cells));
        }
    }

    [Fact]
    public void Wrapped_labels_full_and_half_width_and_pipes_read_alike()
    {
        const string text = """
            2021年某镇人民政府政府信息公开工作年度报告
            本报告统计期限为2021年1月1日至2021年12月31日。
              二、主动公开政府信息情况
            第二十条第(一)项 | |||
            信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
            规章(县级无此项) | 0 | 0 | 0 |
            规 范 性文件 | 2 | 1 | 减4 |
            第二十条第(八)项 | |||
            信息内容 | 本年收费金额(单位:万元) | |
            行政事业性收费 | 1.25 | |
            """;

        var report = new TextReportReader().Read(text);

        Assert.Equal("2021", report.Template);
        Assert.Equal(new ReportPeriod("2021-01-01", "2021-12-31"), report.Period);
        Assert.Equal("某镇人民政府", report.Agency);
        Assert.Equal([0m, 0m, 0m], Cells(report.Tables.Proactive!["art20_1"]["rules"]));
        Assert.Equal([2m, 1m, "减4"], Cells(report.Tables.Proactive["art20_1"]["normative_docs"]));
        Assert.Equal([1.25m], Cells(report.Tables.Proactive["art20_8"]["fees"]));
        Assert.Equal("proactive", Assert.Single(report.Sections).Key);
    }

    [Fact]
    public void No_tables_means_no_template()
    {
        var report = new TextReportReader().Read("2021年某局政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳推进。\n");

        Assert.Null(report.Template);
        Assert.Null(report.Tables.Proactive);
        Assert.Null(report.Tables.Requests);
        Assert.Null(report.Tables.ReviewLitigation);
    }
}
