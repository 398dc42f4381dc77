using System.IO.Compression;
using System.Xml;

namespace PublishPipeline.Reading.Docx;

/// <summary>
/// Checks a .docx before the Open XML SDK expands anything: the zip's central directory (entry count, total declared
/// size, per-entry compression ratio) and, for each XML part the reader will load, a streaming pass that bounds its
/// length and nesting depth and refuses DTDs. The SDK builds its DOM recursively, so depth must be bounded first.
/// </summary>
internal static class DocxPackageGuard
{
    public const string MainDocumentEntry = "word/document.xml";

    /// <summary>Null when the central directory is within limits; otherwise the reason. Sets whether the zip is a Word file.</summary>
    public static string? CheckArchive(Stream zip, DocxReadLimits limits, out bool isWordDocument)
    {
        isWordDocument = false;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        if (archive.Entries.Count > limits.MaxEntries)
        {
            return $"文件包含 {archive.Entries.Count} 个部件，超过 {limits.MaxEntries} 个的上限，不像是一份年度报告";
        }

        long total = 0;
        foreach (var entry in archive.Entries)
        {
            if (string.Equals(entry.FullName, MainDocumentEntry, StringComparison.OrdinalIgnoreCase))
            {
                isWordDocument = true;
            }

            total += entry.Length;
            if (entry.Length < 0 || total > limits.MaxUncompressedBytes)
            {
                return $"文件解压后超过 {limits.MaxUncompressedBytes / 1024 / 1024} MB 的上限（疑似压缩炸弹），未予读取";
            }

            if (entry.Length >= limits.RatioCheckMinimumBytes
                && (entry.CompressedLength <= 0 || (double)entry.Length / entry.CompressedLength > limits.MaxCompressionRatio))
            {
                return $"文件中的部件“{entry.FullName}”压缩比异常（疑似压缩炸弹），未予读取";
            }
        }

        return null;
    }

    /// <summary>Reads one XML part through, bounded in length and depth; throws <see cref="DocxLimitException"/> or XmlException.</summary>
    public static void CheckXml(Stream part, DocxReadLimits limits)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = limits.MaxUncompressedBytes,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
        };
        using var limited = new LengthLimitedStream(part, limits.MaxUncompressedBytes);
        using var reader = XmlReader.Create(limited, settings);
        while (reader.Read())
        {
            if (reader.Depth > limits.MaxXmlDepth)
            {
                throw new DocxLimitException($"文档的 XML 结构嵌套超过 {limits.MaxXmlDepth} 层，不是正常的 Word 文档");
            }
        }
    }
}
