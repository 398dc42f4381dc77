using System.IO.Compression;
using System.Text;

namespace PublishPipeline.Tests.Reading.Docx;

/// <summary>
/// Hand-built Word packages for the reader's tests: the few parts a .docx needs, written as XML text so that a test
/// can say exactly what the document holds (automatic numbering, breaks in cells, hostile structures).
/// </summary>
internal static class DocxFixtures
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private const string ContentTypes =
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
          <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
          <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
        </Types>
        """;

    private const string PackageRels =
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
        </Relationships>
        """;

    /// <summary>A .docx whose body is <paramref name="bodyXml"/> (w: and r: prefixes declared), with optional parts.</summary>
    public static byte[] Package(string bodyXml, string? numberingXml = null, string? stylesXml = null, string extraRelationships = "")
    {
        var document = $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>{bodyXml}</w:body></w:document>""";
        var relationships = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        if (numberingXml is not null)
        {
            relationships.Append("""<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>""");
        }

        if (stylesXml is not null)
        {
            relationships.Append("""<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
        }

        relationships.Append(extraRelationships).Append("</Relationships>");

        var entries = new List<(string Name, string Text)>
        {
            ("[Content_Types].xml", ContentTypes),
            ("_rels/.rels", PackageRels),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", relationships.ToString()),
        };
        if (numberingXml is not null)
        {
            entries.Add(("word/numbering.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">{numberingXml}</w:numbering>"""));
        }

        if (stylesXml is not null)
        {
            entries.Add(("word/styles.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">{stylesXml}</w:styles>"""));
        }

        return Zip(entries);
    }

    public static byte[] Zip(IEnumerable<(string Name, string Text)> entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return stream.ToArray();
    }

    public static string Paragraph(string text) => $"""<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>""";

    public static string NumberedParagraph(string text, int numId, int level = 0) =>
        $"""<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{numId}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>""";

    public static string StyledParagraph(string text, string styleId) =>
        $"""<w:p><w:pPr><w:pStyle w:val="{styleId}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>""";

    /// <summary>A table of plain cells; a cell given as null is a vertical-merge continuation.</summary>
    public static string Table(params string?[][] rows)
    {
        var xml = new StringBuilder("<w:tbl><w:tblPr/><w:tblGrid/>");
        foreach (var row in rows)
        {
            xml.Append("<w:tr>");
            foreach (var cell in row)
            {
                xml.Append(cell is null
                    ? "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
                    : $"<w:tc>{(cell.StartsWith("<w:p", StringComparison.Ordinal) ? cell : Paragraph(cell))}</w:tc>");
            }

            xml.Append("</w:tr>");
        }

        return xml.Append("</w:tbl>").ToString();
    }
}
