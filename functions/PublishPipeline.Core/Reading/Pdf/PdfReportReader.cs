using System.Diagnostics;
using System.Runtime.InteropServices;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace PublishPipeline.Reading.Pdf;

/// <summary>
/// Reads a PDF draft through its text layer into the same canonical Report as the other readers: the lines of each
/// page (<see cref="PdfLineAssembler"/>) become the shared layout (<see cref="PdfLayout"/>) and go through the same
/// template-guided table extraction and section logic. Every way a file can be bad — too large, too many pages, too
/// much text, too slow, password-protected, damaged, a scan without text — is a reason, never an exception; nothing a
/// PDF links to or embeds (JavaScript, attachments, URLs) is ever run or fetched.
/// </summary>
public sealed class PdfReportReader(PdfReadLimits? limits = null)
{
    public const string CorruptMessage = "PDF 文件已损坏或不完整，无法读取。请从 Word 重新导出 PDF，或直接上传 Word（.docx）文件。";

    public const string EncryptedMessage = "PDF 文件已加密（需要密码才能打开），无法读取。请上传未加密的 PDF，或直接上传 Word（.docx）文件。";

    // A Chinese report's text layer is mostly hanzi (the seed ~80%, with figures and punctuation the rest).
    private const double MinHanziShare = 0.2;

    private readonly PdfReadLimits limits = limits ?? PdfReadLimits.Default;

    public PdfReadLimits Limits => limits;

    public PdfReadOutcome Read(ReadOnlyMemory<byte> content)
    {
        if (content.Length > limits.MaxFileBytes)
        {
            return PdfReadOutcome.Failed($"文件大小 {content.Length / 1024.0 / 1024.0:F1} MB，超过 {limits.MaxFileBytes / 1024 / 1024} MB 的上限，未予读取。请删除图片等内容后重新上传。");
        }

        try
        {
            var options = new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true };
            using var document = PdfDocument.Open(AsArray(content), options);
            return ReadDocument(document);
        }
        catch (PdfDocumentEncryptedException)
        {
            return PdfReadOutcome.Failed(EncryptedMessage);
        }
        catch (PdfLimitException ex)
        {
            return PdfReadOutcome.Failed(ex.Message + "，未予读取。");
        }
        catch (Exception)
        {
            // PdfPig reports a damaged file with whatever its parser met (format, cast, index, key, null, end of
            // stream…); the upload is untrusted, so every one of them is the same answer to the agency.
            return PdfReadOutcome.Failed(CorruptMessage);
        }
    }

    private PdfReadOutcome ReadDocument(PdfDocument document)
    {
        var pageCount = document.NumberOfPages;
        if (pageCount > limits.MaxPages)
        {
            return PdfReadOutcome.Failed($"PDF 共 {pageCount} 页，超过 {limits.MaxPages} 页的上限，未予读取。年度报告通常不超过几十页，请检查是否上传了错误的文件。");
        }

        var clock = Stopwatch.StartNew();
        var lines = new List<PdfLine>();
        long characters = 0;
        long hanzi = 0;
        for (var number = 1; number <= pageCount; number++)
        {
            if (clock.Elapsed > limits.MaxDuration)
            {
                throw new PdfLimitException($"PDF 读取超过 {limits.MaxDuration.TotalSeconds:F0} 秒（读到第 {number} 页），文件过于复杂");
            }

            var page = document.GetPage(number);
            PdfLineAssembler.Assemble(page, lines, ref characters, ref hanzi);
            if (characters > limits.MaxCharacters)
            {
                throw new PdfLimitException($"PDF 文字超过 {limits.MaxCharacters:N0} 个字符（读到第 {number} 页），远多于一份年度报告");
            }
        }

        if (characters < (long)limits.MinCharactersPerPage * Math.Max(pageCount, 1))
        {
            return PdfReadOutcome.Failed(NoTextMessage(document, pageCount, characters));
        }

        // A font without its character map (no ToUnicode) gives codes, not text: "!\"#$%&'(" where the page shows Chinese.
        if (hanzi < characters * MinHanziShare)
        {
            return PdfReadOutcome.Failed(
                $"PDF 的文字无法正确提取（共 {pageCount} 页，读到 {characters} 个字符，其中汉字只有 {hanzi} 个）：通常是导出时字体缺少编码信息，页面上的汉字在文字层中成了乱码。"
                + "请上传年度报告的 Word（.docx）文件，或用 Word/WPS 重新导出 PDF。");
        }

        var (items, text) = PdfLayout.Build(lines);
        return new PdfReadOutcome(TextReportReader.FromLayout(items, text), text, null);
    }

    /// <summary>A scan (or a PDF "printed" as images) has pictures and no text layer: only the Word file can be read.</summary>
    private static string NoTextMessage(PdfDocument document, int pageCount, long characters)
    {
        var images = 0;
        for (var number = 1; number <= pageCount && images == 0; number++)
        {
            images += document.GetPage(number).GetImages().Count();
        }

        var what = images > 0 ? "这是扫描件或由图片生成的 PDF" : "PDF 中没有可复制的文字";
        return $"PDF 没有可读取的文字层（共 {pageCount} 页，只读到 {characters} 个字符）：{what}，无法读取其中的文字和表格。"
            + "请上传年度报告的 Word（.docx）文件，或由 Word 直接导出、文字可以复制的 PDF。";
    }

    private static byte[] AsArray(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null && segment.Offset == 0 && segment.Count == segment.Array.Length
            ? segment.Array
            : content.ToArray();
}
