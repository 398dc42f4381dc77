using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Xml;

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
            using var archive = new ZipArchive(AsStream(content), ZipArchiveMode.Read, leaveOpen: false);
            if (DocxPackageGuard.CheckArchive(archive, limits) is { } refusal)
            {
                return DocxReadOutcome.Failed(refusal + "。", LooksLikeWord(archive));
            }

            var parts = DocxPartLocator.Locate(archive, limits, out var isWord);
            if (!isWord)
            {
                return DocxReadOutcome.Failed("压缩包中没有 Word 文档正文，不是 Word（.docx）文件。", isWordDocument: false);
            }

            return parts is null ? DocxReadOutcome.Failed(CorruptMessage) : ReadParts(parts);
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

    /// <summary>Numbering and styles first (a paragraph's number needs both), then one streaming pass over the body.</summary>
    private DocxReadOutcome ReadParts(DocxParts parts)
    {
        WordNumbering numbering;
        using (var numberingXml = parts.Numbering is null ? null : DocxPackageGuard.OpenXml(parts.Numbering, limits))
        using (var stylesXml = parts.Styles is null ? null : DocxPackageGuard.OpenXml(parts.Styles, limits))
        {
            numbering = new WordNumbering(numberingXml, stylesXml, limits);
        }

        using var documentXml = DocxPackageGuard.OpenXml(parts.MainDocument, limits);
        var (items, text) = DocxLayout.Split(documentXml, numbering, limits);
        return new DocxReadOutcome(TextReportReader.FromLayout(items, text), text, null, true);
    }

    /// <summary>Whether a zip refused from its central directory alone was meant as an Office package (names only; nothing is expanded).</summary>
    private static bool LooksLikeWord(ZipArchive archive) =>
        archive.Entries.Any(e => string.Equals(e.FullName, DocxPartLocator.DefaultMainDocumentEntry, StringComparison.OrdinalIgnoreCase)
            || string.Equals(e.FullName, DocxPartLocator.ContentTypesEntry, StringComparison.OrdinalIgnoreCase));

    private static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    /// <summary>What a damaged or malformed package throws from the zip layer, the deflate stream or XmlReader.</summary>
    private static bool IsCorruption(Exception ex) =>
        ex is InvalidDataException or XmlException or IOException or InvalidOperationException or NotSupportedException
            or ArgumentException or UriFormatException;
}
