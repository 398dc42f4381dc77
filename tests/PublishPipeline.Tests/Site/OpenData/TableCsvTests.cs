using System.Globalization;
using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Site.OpenData;

namespace PublishPipeline.Tests.Site.OpenData;

public sealed class TableCsvTests
{
    public static TheoryData<string> Templates => new() { "2019", "2021" };

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_full_report_gets_one_csv_per_table_beside_its_page(string templateId)
    {
        var files = TableCsv.For(TestReports.Full(templateId), 2020, "lanxi-wenlvj");

        Assert.Equal(
            ["reports/2020/lanxi-wenlvj/proactive.csv", "reports/2020/lanxi-wenlvj/requests.csv", "reports/2020/lanxi-wenlvj/review_litigation.csv"],
            files.Select(f => f.Path));
        Assert.All(files, f => Assert.Equal(SiteFile.Csv, f.ContentType));
        Assert.All(files, f => Assert.StartsWith("\uFEFF", System.Text.Encoding.UTF8.GetString(f.Content.Span), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Requests_has_every_template_row_in_order_with_label_key_and_numbers(string templateId)
    {
        var template = TemplateCatalog.Get(templateId);
        var rows = Csv.Parse(File(TestReports.Full(templateId), "requests").Content);

        Assert.Equal(
            new[] { "项目（row）", "行键（row_key）" }.Concat(template.Requests.Columns.Select(c => $"{c.Label}（{c.Key}）")),
            rows[0]);
        Assert.Equal(template.Requests.Rows.Count, rows.Count - 1);
        for (var r = 0; r < template.Requests.Rows.Count; r++)
        {
            var row = template.Requests.Rows[r];
            var expected = new[] { row.Label, row.Key }.Concat(
                Enumerable.Range(0, 7).Select(c => TestReports.RequestsValue(template, row.Key, c).ToString(CultureInfo.InvariantCulture)));
            Assert.Equal(expected, rows[r + 1]);
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Review_litigation_has_one_row_per_group(string templateId)
    {
        var template = TemplateCatalog.Get(templateId);
        var rows = Csv.Parse(File(TestReports.Full(templateId), "review_litigation").Content);

        Assert.Equal(["项目（row）", "行键（row_key）", "结果维持（upheld）", "结果纠正（corrected）", "其他结果（other）", "尚未审结（pending）", "总计（total）"], rows[0]);
        Assert.Equal(["review", "suit_direct", "suit_after_review"], rows.Skip(1).Select(r => r[1]));
        Assert.Equal("行政诉讼/复议后起诉", rows[3][0]);
        Assert.Equal(TestReports.ReviewValue(template, "suit_after_review", 4).ToString(CultureInfo.InvariantCulture), rows[3][6]);
    }

    [Fact]
    public void Proactive_2019_has_item_columns_and_the_union_of_the_items_columns()
    {
        var template = TemplateCatalog.Template2019;
        var rows = Csv.Parse(File(TestReports.Full("2019"), "proactive").Content);

        Assert.Equal(
            [
                "条款（item）", "项目（row）", "条款键（item_key）", "行键（row_key）",
                "本年新制作数量（new_made）", "本年新公开数量（new_published）", "对外公开总数量（total_published）",
                "上一年项目数量（prev_items）", "本年增/减（change）", "处理决定数量（decisions）",
                "采购项目数量（projects）", "采购总金额（amount）",
            ],
            rows[0]);
        Assert.Equal(
            template.Proactive.SelectMany(i => i.Rows.Select(r => $"{i.Key}/{r.Key}")),
            rows.Skip(1).Select(r => $"{r[2]}/{r[3]}"));
        Assert.All(rows, r => Assert.Equal(12, r.Count));

        var rules = rows.Single(r => r[3] == "rules");
        Assert.Equal(["第二十条第（一）项", "规章"], rules.Take(2));
        Assert.Equal(Value(template, "art20_1", "rules", 0, 1, 2).Concat(["", "", "", "", ""]), rules.Skip(4));

        // 第（八）项 has two columns of the shared prev_items/change/decisions trio: its third is empty, not shifted.
        var fees = rows.Single(r => r[3] == "fees");
        Assert.Equal(new[] { "", "", "" }.Concat(Value(template, "art20_8", "fees", 0, 1)).Concat(["", "", ""]), fees.Skip(4));

        var procurement = rows.Single(r => r[3] == "procurement");
        Assert.Equal(Enumerable.Repeat("", 6).Concat(Value(template, "art20_9", "procurement", 0, 1)), procurement.Skip(4));
    }

    [Fact]
    public void Proactive_2021_shares_the_decisions_column_between_items()
    {
        var template = TemplateCatalog.Template2021;
        var rows = Csv.Parse(File(TestReports.Full("2021"), "proactive").Content);

        Assert.Equal(
            [
                "条款（item）", "项目（row）", "条款键（item_key）", "行键（row_key）",
                "本年制发件数（issued）", "本年废止件数（repealed）", "现行有效件数（in_force）",
                "本年处理决定数量（decisions）", "本年收费金额（单位：万元）（amount_wan_yuan）",
            ],
            rows[0]);
        Assert.Equal(["", "", ""], rows.Single(r => r[3] == "penalty").Skip(4).Take(3));
        Assert.Equal(Value(template, "art20_6", "penalty", 0), rows.Single(r => r[3] == "penalty").Skip(7).Take(1));
        Assert.Equal(Value(template, "art20_5", "licensing", 0), rows.Single(r => r[3] == "licensing").Skip(7).Take(1));
    }

    [Fact]
    public void Blank_is_an_empty_field_text_is_verbatim_and_decimals_keep_their_digits()
    {
        var document = TestReports.Full("2021");
        var requests = document.Report.Tables.Requests!;
        requests["new"][0] = CellValue.Blank;
        requests["new"][1] = CellValue.OfText("减4");
        requests["new"][2] = CellValue.OfText("22（其中修订16件），另有\"说明\"\r\n第二行");
        requests["new"][3] = CellValue.Of(0m);
        requests["new"][4] = CellValue.Of(-3m);
        document.Report.Tables.Proactive!["art20_8"]["fees"][0] = CellValue.Of(12.50m);

        var newRow = Csv.Parse(File(document, "requests").Content)[1];
        Assert.Equal("", newRow[2]);
        Assert.Equal("减4", newRow[3]);
        Assert.Equal("22（其中修订16件），另有\"说明\"\r\n第二行", newRow[4]);
        Assert.Equal("0", newRow[5]);
        Assert.Equal("-3", newRow[6]);

        var fees = Csv.Parse(File(document, "proactive").Content).Single(r => r[3] == "fees");
        Assert.Equal("12.50", fees[^1]);

        // The raw bytes: a blank is nothing between separators (",,"), never a quoted empty string or a 0.
        Assert.Contains("一、本年新收政府信息公开申请数量,new,,减4,", Csv.Text(File(document, "requests").Content), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    [InlineData("'=1")]
    public void Text_that_a_spreadsheet_would_run_gets_one_leading_apostrophe(string raw)
    {
        var document = TestReports.Full("2019");
        document.Report.Tables.Requests!["r1"][0] = CellValue.OfText(raw);
        document.Report.Tables.Requests!["r1"][1] = CellValue.Of(-5m);

        var row = Csv.Parse(File(document, "requests").Content).Single(r => r[1] == "r1");

        Assert.Equal("'" + raw, row[2]);
        Assert.Equal("-5", row[3]);
    }

    [Fact]
    public void A_table_or_row_the_document_lacks_is_left_out()
    {
        var document = TestReports.Full("2019");
        document.Report.Tables.ReviewLitigation = null;
        document.Report.Tables.Requests!.Remove("r3_5");
        document.Report.Tables.Proactive!.Remove("art20_9");

        var files = TableCsv.For(document, 2020, "a");

        Assert.Equal(["reports/2020/a/proactive.csv", "reports/2020/a/requests.csv"], files.Select(f => f.Path));
        var requests = Csv.Parse(files[1].Content);
        Assert.DoesNotContain(requests, r => r[1] == "r3_5");
        Assert.Equal(TemplateCatalog.Template2019.Requests.Rows.Count - 1, requests.Count - 1);
        Assert.DoesNotContain(Csv.Parse(files[0].Content), r => r[2] == "art20_9");
        Assert.Empty(TableCsv.For(new ReportDocument { Report = new Report { Template = "2019", Year = 2020 } }, 2020, "a"));
    }

    [Fact]
    public void Labels_come_from_the_year_template_when_the_document_names_none()
    {
        var document = TestReports.Full("2021");
        document.Report.Template = null;

        var rows = Csv.Parse(TableCsv.For(document, 2022, "a").Single(f => f.Path.EndsWith("requests.csv", StringComparison.Ordinal)).Content);

        Assert.Equal("（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", rows.Single(r => r[1] == "r6_1")[0]);
    }

    [Fact]
    public void Same_document_gives_the_same_bytes()
    {
        var first = TableCsv.For(TestReports.Full("2019"), 2020, "a");
        var second = TableCsv.For(TestReports.Full("2019"), 2020, "a");

        Assert.Equal(first.Select(f => f.Content.ToArray()), second.Select(f => f.Content.ToArray()));
    }

    private static SiteFile File(ReportDocument document, string table) =>
        TableCsv.For(document, 2020, "a").Single(f => f.Path == $"reports/2020/a/{table}.csv");

    private static IEnumerable<string> Value(ReportTemplate template, string item, string row, params int[] columns) =>
        columns.Select(c => TestReports.ProactiveValue(template, item, row, c).ToString(CultureInfo.InvariantCulture));
}
