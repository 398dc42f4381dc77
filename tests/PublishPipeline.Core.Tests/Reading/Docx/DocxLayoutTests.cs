using System.IO.Compression;
using System.Text;
using System.Text.Json;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using static PublishPipeline.Tests.Reading.Docx.DocxFixtures;

namespace PublishPipeline.Tests.Reading.Docx;

/// <summary>What of a Word body counts as its text, element by element, as the streaming reader walks it.</summary>
public class DocxLayoutTests
{
    private const string Title = "2021年青山街道办事处政府信息公开工作年度报告";

    private readonly DraftReader reader = new();

    [Fact]
    public void Deleted_and_moved_away_text_field_codes_and_maths_are_not_text_but_field_results_and_insertions_are()
    {
        var paragraph =
            "<w:p><w:r><w:t>本年度</w:t></w:r>"
            + "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>删去的字</w:delText></w:r></w:del>"
            + "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>持续</w:t></w:r></w:ins>"
            + "<w:moveFrom w:id=\"3\" w:author=\"a\"><w:r><w:t>移走的字</w:t></w:r></w:moveFrom>"
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> MERGEFIELD 域代码 </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>推进</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>政务</w:t></w:r></w:fldSimple>"
            + "<m:oMath xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"><m:r><m:t>x=1</m:t></m:r></m:oMath>"
            + "<w:hyperlink r:id=\"rIdLink\"><w:r><w:t>公开</w:t></w:r></w:hyperlink><w:r><w:t>。</w:t></w:r></w:p>";

        Assert.Equal("本年度持续推进政务公开。", OverviewText(paragraph));
    }

    [Fact]
    public void Alternate_content_is_not_read_twice_from_choice_and_fallback()
    {
        // Word writes a text box twice (DrawingML in mc:Choice, VML in mc:Fallback), inside a run or around runs.
        const string Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
        var textBox = "<w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent>";
        var paragraph =
            $"<w:p xmlns:mc=\"{Mc}\"><w:r><w:t>本年度持续推进政务公开。</w:t></w:r>"
            + $"<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>{textBox}</w:drawing></mc:Choice><mc:Fallback><w:pict>{textBox}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
            + "<mc:AlternateContent><mc:Choice Requires=\"w14\"><w:r><w:t>备选一</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>备选二</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"
            + $"<mc:AlternateContent xmlns:mc=\"{Mc}\"><mc:Choice Requires=\"w14\">{Paragraph("整段备选一")}</mc:Choice><mc:Fallback>{Paragraph("整段备选二")}</mc:Fallback></mc:AlternateContent>";

        Assert.Equal("本年度持续推进政务公开。", OverviewText(paragraph));
    }

    [Fact]
    public void Text_in_smart_tags_and_in_wrappers_nested_inside_insertions_is_read()
    {
        // The Open XML SDK typed these as unknown elements and lost their runs; Word shows the text.
        var paragraph =
            "<w:p><w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"place\"><w:r><w:t>青山街道</w:t></w:r></w:smartTag>"
            + "<w:ins w:id=\"1\" w:author=\"a\"><w:hyperlink r:id=\"rIdLink\"><w:r><w:t>持续推进</w:t></w:r></w:hyperlink></w:ins>"
            + "<w:moveTo w:id=\"2\" w:author=\"a\"><w:customXml w:element=\"x\"><w:r><w:t>政务公开。</w:t></w:r></w:customXml></w:moveTo></w:p>";

        Assert.Equal("青山街道持续推进政务公开。", OverviewText(paragraph));
    }

    [Fact]
    public void Values_word_would_reject_are_read_as_absent_not_thrown()
    {
        // The SDK threw FormatException on these, out of the reader.
        var numbering = """<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>""";
        var body = Paragraph(Title) + Paragraph("一、总体情况")
            + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"零\"/><w:numId w:val=\"x\"/></w:numPr></w:pPr><w:r><w:t>没有编号。</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"x\"/><w:numId w:val=\" 1 \"/></w:numPr></w:pPr><w:r><w:t>编号取第一级。</w:t></w:r></w:p>"
            + Paragraph("二、主动公开政府信息情况")
            + "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"bogus\"/></w:tcPr><w:p><w:r><w:t>不是续格</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>续格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";

        var result = reader.Read("odd.docx", Package(body, numbering));

        Assert.False(result.Unreadable, string.Join("；", result.Findings.Select(f => f.Message)));
        Assert.Equal("没有编号。\n1.编号取第一级。", result.Report!.Sections[0].Text);
        Assert.Contains("\t不是续格\n\t\n", Docx(body, numbering).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_strict_open_xml_document_reads_like_its_transitional_twin()
    {
        var numbering = """<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>""";
        var body = Paragraph(Title) + NumberedParagraph("总体情况", 1) + Paragraph("本年度持续推进政务公开。") + NumberedParagraph("主动公开政府信息情况", 1)
            + Table(["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "1", "2", "3"], [null, "4", "5", "6"]);
        var transitional = Package(body, numbering);
        var strict = Rewrite(
            transitional,
            ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"),
            ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"));
        Assert.NotEqual(transitional, strict);

        var expected = reader.Read("transitional.docx", transitional);
        var actual = reader.Read("strict.docx", strict);

        Assert.False(actual.Unreadable, string.Join("；", actual.Findings.Select(f => f.Message)));
        Assert.Equal(["overview", "proactive"], actual.Report!.Sections.Select(s => s.Key));
        Assert.Equal(JsonSerializer.Serialize(expected.Report, ReportJson.Options), JsonSerializer.Serialize(actual.Report, ReportJson.Options));
    }

    private string OverviewText(string overviewBody)
    {
        var body = Paragraph(Title) + Paragraph("一、总体情况") + overviewBody + Paragraph("六、其他需要报告的事项") + Paragraph("无。");
        var relationship = """<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.gov.cn/" TargetMode="External"/>""";

        var result = reader.Read("body.docx", Package(body, extraRelationships: relationship));

        Assert.False(result.Unreadable, string.Join("；", result.Findings.Select(f => f.Message)));
        Assert.Equal(["overview", "other"], result.Report!.Sections.Select(s => s.Key));
        return result.Report.Sections[0].Text;
    }

    private static PublishPipeline.Reading.Docx.DocxReadOutcome Docx(string body, string? numbering = null) =>
        new PublishPipeline.Reading.Docx.DocxReportReader().Read(Package(body, numbering));

    private static byte[] Rewrite(byte[] docx, params (string From, string To)[] replacements)
    {
        using var input = new ZipArchive(new MemoryStream(docx));
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var source = new StreamReader(entry.Open());
                var text = replacements.Aggregate(source.ReadToEnd(), (current, r) => current.Replace(r.From, r.To, StringComparison.Ordinal));
                using var target = archive.CreateEntry(entry.FullName).Open();
                target.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return output.ToArray();
    }
}
