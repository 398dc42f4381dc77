using System.Net;
using System.Net.Sockets;
using PublishPipeline.Reading;
using PublishPipeline.Reading.Docx;
using static PublishPipeline.Tests.Reading.Docx.DocxFixtures;

namespace PublishPipeline.Tests.Reading.Docx;

/// <summary>How the reader finds a document's parts: through the package's relationships and content types, never by a fixed path.</summary>
public class DocxPartLocatorTests
{
    private const string Title = "2021年青山街道办事处政府信息公开工作年度报告";
    private const string MainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string RelationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private readonly DraftReader reader = new();

    [Fact]
    public void The_main_document_is_found_where_the_package_relationship_points_with_its_numbering_and_styles()
    {
        var numbering = $"""<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>""";
        var styles = $"""<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="Part"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>""";
        var body = Paragraph(Title) + StyledParagraph("总体情况", "Part") + Paragraph("真正的正文。") + StyledParagraph("主动公开政府信息情况", "Part") + Paragraph("无。");
        var bytes = Zip([
            ("[Content_Types].xml", ContentTypes(("/content/main.xml", MainType), ("/shared/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"), ("/content/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"))),
            ("_rels/.rels", Relationships(("officeDocument", "/content/main.xml", false))),
            ("content/main.xml", Document(body)),
            ("content/_rels/main.xml.rels", Relationships(("numbering", "../shared/numbering.xml", false), ("styles", "styles.xml", false))),
            ("shared/numbering.xml", numbering),
            ("content/styles.xml", styles),
            // A decoy at Word's usual path that no relationship names: it must not be what is read.
            ("word/document.xml", Document(Paragraph("2020年某局政府信息公开工作年度报告") + Paragraph("一、总体情况") + Paragraph("诱饵。"))),
        ]);

        var result = reader.Read("moved.docx", bytes);

        Assert.False(result.Unreadable, string.Join("；", result.Findings.Select(f => f.Message)));
        Assert.Equal(Title, result.Report!.Title);
        Assert.Equal([("一", "overview"), ("二", "proactive")], result.Report.Sections.Select(s => (s.Number, s.Key)));
        Assert.Equal("真正的正文。", result.Report.Sections[0].Text);
    }

    [Fact]
    public void A_part_whose_content_type_is_not_word_is_not_read_as_the_document()
    {
        var bytes = Zip([
            ("[Content_Types].xml", ContentTypes(("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))),
            ("_rels/.rels", Relationships(("officeDocument", "xl/workbook.xml", false))),
            ("xl/workbook.xml", Document(Paragraph(Title) + Paragraph("一、总体情况") + Paragraph("正文。"))),
        ]);

        var result = reader.Read("book.docx", bytes);

        Assert.True(result.Unreadable);
        Assert.Contains("无法识别的文件格式", Assert.Single(result.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_document_without_its_content_types_is_damaged()
    {
        var bytes = Zip([
            ("_rels/.rels", Relationships(("officeDocument", "word/document.xml", false))),
            ("word/document.xml", Document(Paragraph(Title) + Paragraph("一、总体情况") + Paragraph("正文。"))),
        ]);

        var result = reader.Read("bare.docx", bytes);

        Assert.True(result.Unreadable);
        Assert.Contains("文件已损坏或不完整", Assert.Single(result.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_main_document_relationship_is_never_followed()
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var request = listener.GetContextAsync();
        var bytes = Zip([
            ("[Content_Types].xml", ContentTypes(("/word/document.xml", MainType))),
            ("_rels/.rels", Relationships(("officeDocument", $"http://127.0.0.1:{port}/document.xml", true))),
            ("word/document.xml", Document(Paragraph(Title) + Paragraph("一、总体情况") + Paragraph("正文。"))),
        ]);

        var result = reader.Read("remote.docx", bytes);

        Assert.True(result.Unreadable);
        Assert.Contains("文件已损坏或不完整", Assert.Single(result.Findings).Message, StringComparison.Ordinal);
        Assert.False(request.IsCompleted, "the reader requested the external main document");
        listener.Stop();
    }

    [Theory]
    [InlineData("/", "word/document.xml", "/word/document.xml")]
    [InlineData("/", "/word/document.xml", "/word/document.xml")]
    [InlineData("/", "./word/document.xml", "/word/document.xml")]
    [InlineData("/word/document.xml", "numbering.xml", "/word/numbering.xml")]
    [InlineData("/word/document.xml", "../customXml/item1.xml", "/customXml/item1.xml")]
    [InlineData("/word/document.xml", "/word/styles.xml", "/word/styles.xml")]
    [InlineData("/word/document.xml", "media/image%201.png", "/word/media/image 1.png")]
    [InlineData("/", "http://example.com/document.xml", null)]
    [InlineData("/", "file:///etc/passwd", null)]
    [InlineData("/", "//evil/document.xml", null)]
    public void Relationship_targets_resolve_against_their_source_part(string source, string target, string? expected)
    {
        Assert.Equal(expected, DocxPartLocator.Resolve(source, target));
    }

    private static string Document(string body) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}</w:body></w:document>""";

    private static string ContentTypes(params (string Part, string Type)[] overrides) =>
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"""
        + string.Concat(overrides.Select(o => $"""<Override PartName="{o.Part}" ContentType="{o.Type}"/>"""))
        + "</Types>";

    private static string Relationships(params (string Type, string Target, bool External)[] relationships) =>
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
        + string.Concat(relationships.Select((r, i) => $"""<Relationship Id="rId{i + 1}" Type="{RelationshipTypes}{r.Type}" Target="{r.Target}"{(r.External ? " TargetMode=\"External\"" : "")}/>"""))
        + "</Relationships>";

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
