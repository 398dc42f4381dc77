using System.IO.Compression;
using System.Xml;

namespace PublishPipeline.Reading.Docx;

/// <summary>
/// Bounds on a .docx before and while anything is expanded: the zip's central directory (entry count, total declared
/// size, per-entry compression ratio) is checked before any entry is opened, and every XML part is read through a
/// length-limited stream by an XmlReader that refuses DTDs, resolves nothing and caps the characters it will read.
/// Nesting depth is checked element by element by <see cref="WordXml"/>.
/// </summary>
internal static class DocxPackageGuard
{
    /// <summary>Null when the central directory is within limits; otherwise the reason.</summary>
    public static string? CheckArchive(ZipArchive archive, DocxReadLimits limits)
    {
        if (archive.Entries.Count > limits.MaxEntries)
        {
            return $"文件包含 {archive.Entries.Count} 个部件，超过 {limits.MaxEntries} 个的上限，不像是一份年度报告";
        }

        long total = 0;
        foreach (var entry in archive.Entries)
        {
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

    /// <summary>
    /// A reader over one XML part that throws <see cref="DocxLimitException"/> past the length cap and XmlException on
    /// a DTD or malformed XML. Disposing it closes the entry.
    /// </summary>
    public static XmlReader OpenXml(ZipArchiveEntry entry, DocxReadLimits limits)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = limits.MaxUncompressedBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        var limited = new LengthLimitedStream(entry.Open(), limits.MaxUncompressedBytes);
        try
        {
            return XmlReader.Create(limited, settings);
        }
        catch
        {
            limited.Dispose();
            throw;
        }
    }
}
