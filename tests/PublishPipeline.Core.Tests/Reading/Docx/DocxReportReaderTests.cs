using System.Text.Json;
using PublishPipeline.Documents;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using static PublishPipeline.Tests.Reading.Docx.DocxFixtures;

namespace PublishPipeline.Tests.Reading.Docx;

public class DocxReportReaderTests
{
    private const string Title = "2021年青山街道办事处政府信息公开工作年度报告";

    private readonly DraftReader reader = new();

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Filled_template_reads_back_every_cell_of_every_table(string templateId)
    {
        var expected = TestReports.Full(templateId).Report;
        var bytes = ReportTemplateDocument.Create(TemplateCatalog.Get(templateId), expected);

        // The generator prints the template's own labels, so those are what the reader records as printed (B5).
        var template = TemplateCatalog.Get(templateId);
        expected.Tables.Labels = template.Proactive.SelectMany(p => p.Rows.Select(r => ($"proactive/{p.Key}/{r.Key}", r.Label)))
            .Concat(template.Requests.Rows.Select(r => ($"requests/{r.Key}", r.Label[(r.Label.IndexOf('/', StringComparison.Ordinal) + 1)..])))
            .ToDictionary(l => l.Item1, l => l.Item2);

        var result = reader.Read("report.docx", bytes);

        Assert.False(result.Unreadable, string.Join("；", result.Findings.Select(f => f.Message)));
        Assert.Equal("docx", result.Format);
        var actual = result.Report!;
        Assert.Equal(templateId, actual.Template);
        Assert.Equal(Json(expected.Tables), Json(actual.Tables));
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Year, actual.Year);
        Assert.Equal(expected.Agency, actual.Agency);
        Assert.Equal(
            expected.Sections.Select(s => (s.Number, s.Key, s.Heading, s.Text)),
            actual.Sections.Select(s => (s.Number, s.Key, s.Heading, s.Text)));
    }

    [Fact]
    public void Seed_converted_to_word_reads_like_the_seed_text()
    {
        var seed = new TextReportReader().Read(File.ReadAllText(Corpus.File(Corpus.SeedName)));
        Assert.Equal("2019", seed.Template);
        var bytes = ReportTemplateDocument.Create(TemplateCatalog.Get(seed.Template!), seed);

        var result = reader.Read("fuyang.docx", bytes);

        Assert.False(result.Unreadable);
        var docx = result.Report!;
        Assert.Equal(Json(seed.Tables), Json(docx.Tables));
        Assert.Equal(seed.Template, docx.Template);
        Assert.Equal(seed.Title, docx.Title);
        Assert.Equal(seed.Year, docx.Year);
        Assert.Equal(seed.Agency, docx.Agency);
        Assert.Equal(seed.Sections.Select(s => (s.Key, s.Heading, s.Text)), docx.Sections.Select(s => (s.Key, s.Heading, s.Text)));
        Assert.Equal(57m, docx.Tables.Requests!["new"][6].Number);
        Assert.Equal("0万元", docx.Tables.Proactive!["art20_9"]["procurement"][1].Raw);
    }

    [Fact]
    public void Blank_template_reads_as_the_template_with_every_value_blank()
    {
        var result = reader.Read("blank.docx", ReportTemplateDocument.Create(TemplateCatalog.Template2021));

        Assert.False(result.Unreadable);
        var report = result.Report!;
        Assert.Equal("2021", report.Template);
        Assert.Equal(TemplateCatalog.Template2021.Requests.Rows.Select(r => r.Key), report.Tables.Requests!.Keys);
        Assert.All(report.Tables.Requests.Values, cells => Assert.Equal(7, cells.Count(c => c.IsBlank)));
        Assert.Equal(["overview", "proactive", "requests", "review_litigation", "problems", "other"], report.Sections.Select(s => s.Key));
    }

    private const string ListLevels =
        """
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:start w:val="9"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1是"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Automatic_word_numbering_is_rendered_so_headings_are_recognised(bool throughStyle)
    {
        string Heading(string text) => throughStyle ? StyledParagraph(text, "PartHeading") : NumberedParagraph(text, 1);
        var styles = """<w:style w:type="paragraph" w:styleId="BaseHeading"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="PartHeading"><w:basedOn w:val="BaseHeading"/></w:style>""";
        var body = string.Concat(
            Paragraph(Title),
            Heading("总体情况"),
            NumberedParagraph("主动公开方面", 1, 1),
            NumberedParagraph("规范建设。", 1, 2),
            NumberedParagraph("加强平台建设。", 1, 2),
            NumberedParagraph("依申请公开方面", 1, 1),
            NumberedParagraph("按时答复。", 1, 2),
            NumberedParagraph("条", 2),
            NumberedParagraph("条", 2),
            NumberedParagraph("条", 2),
            Heading("主动公开政府信息情况"),
            Heading("收到和处理政府信息公开申请情况"),
            Heading("政府信息公开行政复议、行政诉讼情况"),
            Heading("存在的主要问题及改进情况"),
            Heading("其他需要报告的事项"),
            Paragraph("无。"));

        var result = reader.Read("numbered.docx", Package(body, ListLevels, styles));

        Assert.False(result.Unreadable, string.Join("；", result.Findings.Select(f => f.Message)));
        var sections = result.Report!.Sections;
        Assert.Equal(["一", "二", "三", "四", "五", "六"], sections.Select(s => s.Number));
        Assert.Equal(["overview", "proactive", "requests", "review_litigation", "problems", "other"], sections.Select(s => s.Key));
        Assert.Equal("（一）主动公开方面\n1.规范建设。\n2.加强平台建设。\n（二）依申请公开方面\n1.按时答复。\n九是条\n十是条\n十一是条", sections[0].Text);
        Assert.Equal("无。", sections[5].Text);
    }

    [Fact]
    public void Cells_with_line_breaks_paragraphs_split_runs_and_spaces_read_as_the_text_reader_would()
    {
        var body = string.Concat(
            Paragraph(Title),
            Paragraph("二、主动公开政府信息情况"),
            Table(
                ["第二十条第（一）项"],
                ["信息内容", "本年制发件数", "<w:p><w:r><w:t>本年废止</w:t><w:br/><w:t>件数</w:t></w:r></w:p>", "现行有效件数"],
                ["规章", " 0 ", "<w:p><w:r><w:t>1</w:t></w:r><w:r><w:t>2</w:t></w:r></w:p>", "\u00A03\u3000"],
                ["<w:p><w:r><w:t>行政规范性</w:t></w:r></w:p><w:p><w:r><w:t>文件</w:t></w:r></w:p>", "<w:p><w:r><w:t xml:space=\"preserve\"> 4</w:t></w:r></w:p>", "５", "/"]),
            Paragraph("三、收到和处理政府信息公开申请情况"),
            Table(
                ["一、本年新收政府信息公开申请数量", "1", "2", "3", "4", "5", "6", "21"],
                ["三、本年度办理结果", "（一）予以公开", "7", "0", "0", "0", "0", "0", "7"],
                [null, "<w:p><w:r><w:t>（三）</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>不予公开</w:t></w:r></w:p>", "1.属于国家秘密", "8", "0", "0", "0", "0", "0", "8"],
                [null, null, "2.其他法律行政法规禁止公开", "9", "0", "0", "0", "0", "0", "9"]));

        var result = reader.Read("cells.docx", Package(body));

        Assert.False(result.Unreadable);
        var tables = result.Report!.Tables;
        Assert.Equal([CellValue.Of(0), CellValue.Of(12), CellValue.Of(3)], tables.Proactive!["art20_1"]["rules"]);
        Assert.Equal([CellValue.Of(4), CellValue.Of(5), CellValue.OfText("/")], tables.Proactive["art20_1"]["normative_docs"]);
        Assert.Equal(21m, tables.Requests!["new"][6].Number);
        Assert.Equal(7m, tables.Requests["r1"][0].Number);
        Assert.Equal(8m, tables.Requests["r3_1"][0].Number);
        Assert.Equal(9m, tables.Requests["r3_2"][6].Number);
    }

    [Fact]
    public void A_word_file_that_is_not_a_report_is_a0()
    {
        var result = reader.Read("minutes.docx", Package(Paragraph("会议纪要") + Paragraph("今天讨论了食堂菜单和停车位安排。")));

        AssertA0(result, "不是政府信息公开工作年度报告");
        Assert.Equal("docx", result.Format);
    }

    [Fact]
    public void An_empty_word_file_is_a0()
    {
        AssertA0(reader.Read("empty.docx", Package("")), "文件为空");
        AssertA0(reader.Read("empty.docx", Package(Paragraph("") + Table([""]))), "文件为空");
    }

    [Fact]
    public void A_zip_that_is_not_word_is_a0_unrecognised()
    {
        var result = reader.Read("draft.docx", Zip([("hello.txt", "你好")]));

        AssertA0(result, "无法识别的文件格式");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void A_truncated_word_file_is_a0_damaged(double keep)
    {
        var bytes = ReportTemplateDocument.Create(TemplateCatalog.Template2019, TestReports.Full("2019").Report);

        var result = reader.Read("cut.docx", bytes.AsSpan(0, (int)(bytes.Length * keep)).ToArray());

        AssertA0(result, "文件已损坏或不完整");
    }

    [Fact]
    public void A_file_over_the_size_cap_is_a0_before_it_is_opened()
    {
        var bytes = ReportTemplateDocument.Create(TemplateCatalog.Template2021);

        var result = new DraftReader(new PublishPipeline.Reading.Docx.DocxReadLimits { MaxFileBytes = bytes.Length - 1 }).Read("big.docx", bytes);

        AssertA0(result, "超过");
    }

    [Fact]
    public void Malformed_xml_and_a_dtd_are_a0_not_exceptions()
    {
        AssertA0(reader.Read("bad.docx", Package("<w:p><w:r><w:t>未闭合")), "文件已损坏或不完整");

        var dtd = Zip([
            ("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
            ("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
            ("word/document.xml", $"""<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"""),
        ]);
        Assert.True(reader.Read("dtd.docx", dtd).Unreadable);
    }

    [Theory]
    [InlineData("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>")]
    [InlineData("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>")]
    public void Ten_thousand_nested_elements_end_with_a_finding_not_a_stack_overflow(string open, string close)
    {
        var body = Paragraph(Title) + string.Concat(Enumerable.Repeat(open, 10_000)) + "<w:p/>" + string.Concat(Enumerable.Repeat(close, 10_000));

        var result = reader.Read("deep.docx", Package(body));

        AssertA0(result, "嵌套");
    }

    private static void AssertA0(ReadResult result, string message)
    {
        Assert.True(result.Unreadable);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("A0", finding.Rule);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }

    private static string Json(ReportTables tables) => JsonSerializer.Serialize(tables, ReportJson.Options);
}
