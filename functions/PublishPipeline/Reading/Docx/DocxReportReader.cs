using System.IO.Compression;
using System.IO.Packaging;
using System.Runtime.InteropServices;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace PublishPipeline.Reading.Docx;

/// <summary>
/// Reads a Word (.docx) draft into the same canonical Report as the plain-text reader: the body becomes the shared
/// layout (headings, narrative, table rows) and goes through the same table extraction and section logic. Every way a
/// file can be bad — too large, a zip bomb, truncated, not Word, nested absurdly — is a reason, never an exception; no
/// external relationship (linked image, template, hyperlink target) is ever fetched.
/// </summary>
public sealed class DocxReportReader(DocxReadLimits? limits = null)
{
    public const string CorruptMessage = "文件已损坏或不完整：无法作为 Word（.docx）文档打开，请重新保存后上传。";

    private readonly DocxReadLimits limits = limits ?? DocxReadLimits.Default;

    public DocxReadLimits Limits => limits;

    public DocxReadOutcome Read(ReadOnlyMemory<byte> content)
    {
        if (content.Length > limits.MaxFileBytes)
        {
            return DocxReadOutcome.Failed($"文件大小 {content.Length / 1024.0 / 1024.0:F1} MB，超过 {limits.MaxFileBytes / 1024 / 1024} MB 的上限，未予读取。请删除图片等内容后重新上传。");
        }

        try
        {
            using var stream = AsStream(content);
            if (DocxPackageGuard.CheckArchive(stream, limits, out var isWord) is { } refusal)
            {
                return DocxReadOutcome.Failed(refusal + "。", isWord);
            }

            if (!isWord)
            {
                return DocxReadOutcome.Failed("压缩包中没有 Word 文档正文（word/document.xml），不是 Word（.docx）文件。", isWordDocument: false);
            }

            stream.Position = 0;
            return ReadPackage(stream);
        }
        catch (DocxLimitException ex)
        {
            return DocxReadOutcome.Failed(ex.Message + "，未予读取。");
        }
        catch (Exception ex) when (IsCorruption(ex))
        {
            return DocxReadOutcome.Failed(CorruptMessage);
        }
    }

    private DocxReadOutcome ReadPackage(Stream stream)
    {
        var settings = new OpenSettings
        {
            AutoSave = false,
            MaxCharactersInPart = limits.MaxUncompressedBytes,
        };
        using var document = WordprocessingDocument.Open(stream, isEditable: false, settings);
        if (document.MainDocumentPart is not { } main)
        {
            return DocxReadOutcome.Failed(CorruptMessage);
        }

        // The SDK builds each part's DOM recursively: bound every part we load before it does.
        Check(main);
        var numberingPart = main.NumberingDefinitionsPart;
        var stylesPart = main.StyleDefinitionsPart;
        if (numberingPart is not null)
        {
            Check(numberingPart);
        }

        if (stylesPart is not null)
        {
            Check(stylesPart);
        }

        var numbering = new WordNumbering(numberingPart?.Numbering, stylesPart?.Styles);
        var (items, text) = DocxLayout.Split(main.Document?.Body, numbering);
        return new DocxReadOutcome(TextReportReader.FromLayout(items, text), text, null, true);
    }

    private void Check(OpenXmlPart part)
    {
        using var partStream = part.GetStream(FileMode.Open, FileAccess.Read);
        DocxPackageGuard.CheckXml(partStream, limits);
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    /// <summary>What a damaged or malformed package throws from the zip layer, System.IO.Packaging, the SDK or XmlReader.</summary>
    private static bool IsCorruption(Exception ex) =>
        ex is InvalidDataException or FileFormatException or OpenXmlPackageException or XmlException or IOException
            or InvalidOperationException or NotSupportedException or ArgumentException or UriFormatException
            or System.Xml.Schema.XmlSchemaException;
}
