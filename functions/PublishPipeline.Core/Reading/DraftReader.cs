using System.Text;
using System.Text.Json;
using PublishPipeline.Reading.Docx;
using PublishPipeline.Reading.Pdf;
using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

/// <summary>
/// The one entry point for reading a draft: picks the reader by extension and content sniffing, decodes the text
/// (<see cref="EncodingDetection"/>: UTF-8, UTF-16, GB18030), caps the size, and turns every kind of bad input into an A0 finding instead of an
/// exception (CHECKS.md A0; exit code 2 in REPORT-JSON.md).
/// </summary>
public sealed class DraftReader
{
    public const string FormatText = "text";
    public const string FormatJson = "json";
    public const string FormatDocx = "docx";
    public const string FormatHtml = "html";
    public const string FormatPdf = "pdf";
    public const string FormatUnknown = "unknown";

    internal const string UnrecognisedMessage =
        "无法识别的文件格式：文件不是可读的文本（含二进制内容或编码无效）。请上传 Word（.docx）、纯文本、HTML 或 JSON 格式的年度报告。";

    internal const string MojibakeMessage =
        "文件编码错误：正文含有乱码（如“闂備礁缍婂”一类字符），通常是 UTF-8 文件被当作 GBK 打开后又保存所致，无法还原。请从原始文档重新导出为 UTF-8 文本后上传。";

    internal const string Gb18030Message = "文件编码为 GBK/GB18030，已自动识别。建议今后另存为 UTF-8 编码上传。";

    private static readonly HashSet<string> TextExtensions = [".txt", ".text", ".md", ".markdown"];
    private readonly TextReportReader textReader = new();
    private readonly DraftReaderOptions options;
    private readonly DocxReportReader docxReader;
    private readonly PdfReportReader pdfReader;

    public DraftReader()
        : this(new DraftReaderOptions())
    {
    }

    /// <param name="docxLimits">Bounds on reading Word files; <see cref="DocxReadLimits.Default"/> when null.</param>
    public DraftReader(DocxReadLimits? docxLimits)
        : this(new DraftReaderOptions(), docxLimits)
    {
    }

    /// <param name="options">The size cap and other bounds for every format.</param>
    /// <param name="docxLimits">Bounds on reading Word files; <see cref="DocxReadLimits.Default"/> when null.</param>
    /// <param name="pdfLimits">Bounds on reading PDF files; <see cref="PdfReadLimits.Default"/> when null.</param>
    public DraftReader(DraftReaderOptions options, DocxReadLimits? docxLimits = null, PdfReadLimits? pdfLimits = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        docxReader = new DocxReportReader(docxLimits);
        pdfReader = new PdfReportReader(pdfLimits);
    }

    public ReadResult Read(string fileName, ReadOnlyMemory<byte> content)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var bytes = content.Span;
        if (bytes.IsEmpty)
        {
            return ReadResult.Refused(FormatOf(extension), "文件为空：没有可读取的内容，请上传完整的政府信息公开工作年度报告。");
        }

        if (bytes.Length > options.MaxBytes)
        {
            var megabytes = Math.Max(1, options.MaxBytes / (1024 * 1024));
            return ReadResult.Refused(
                FormatOf(extension),
                $"文件超过 {megabytes} MB：年度报告的正文远小于这个大小，请检查是否上传了错误的文件，或删除其中的图片后重新上传。");
        }

        if (Sniff(bytes) is { } binaryFormat)
        {
            // A zip is read as Word whatever its name; the reader says when it is not a Word package.
            return binaryFormat switch
            {
                FormatDocx => ReadDocx(content),
                FormatPdf => ReadPdf(content),
                _ => ReadResult.Refused(binaryFormat, UnrecognisedMessage),
            };
        }

        if (EncodingDetection.Decode(bytes) is not { } decoded)
        {
            return ReadResult.Refused(FormatOf(extension), UnrecognisedMessage);
        }

        var text = decoded.Text;
        var isHtml = extension is ".html" or ".htm" || LooksLikeHtml(text);
        if (EncodingDetection.HasMojibake(text))
        {
            return new ReadResult(null, isHtml ? FormatHtml : FormatOf(extension), [EncodingFinding(Severity.Error, MojibakeMessage)], true);
        }

        var result = isHtml ? ReadHtml(text) : ReadTextOrJson(text, extension);
        if (decoded.Encoding == EncodingDetection.Gb18030 && !result.Unreadable)
        {
            result = result with { Findings = [.. result.Findings, EncodingFinding(Severity.Info, Gb18030Message)] };
        }

        return result;
    }

    private static Finding EncodingFinding(Severity severity, string message) =>
        new() { Rule = "I1", Severity = severity, Message = message };

    private ReadResult ReadHtml(string html)
    {
        var read = Html.HtmlReportReader.Read(html);
        if (read is null)
        {
            return ReadResult.Refused(FormatHtml, "HTML 无法读取：页面结构过深或过于复杂，请另存为 Word 或纯文本后上传。");
        }

        return Accept(ReportLayoutReader.Read(read.Value.Items, read.Value.Text), read.Value.Text, FormatHtml);
    }

    private ReadResult ReadTextOrJson(string text, string extension)
    {
        if (extension == ".json" || (!TextExtensions.Contains(extension) && text.TrimStart().StartsWith('{')))
        {
            return ReadJson(text);
        }

        if (extension is ".docx" or ".doc" or ".pdf")
        {
            // A text file under a binary extension: read what it says, but never pretend it was a Word file.
            return ReadText(text);
        }

        return ReadText(text);
    }

    private ReadResult ReadText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Refused(FormatText, "文件为空：只有空白字符，没有可读取的内容。");
        }

        return Accept(textReader.Read(text), text, FormatText);
    }

    private ReadResult ReadDocx(ReadOnlyMemory<byte> content)
    {
        var outcome = docxReader.Read(content);
        if (outcome.Failure is { } failure)
        {
            return outcome.IsWordDocument ? ReadResult.Refused(FormatDocx, failure) : ReadResult.Refused(FormatUnknown, UnrecognisedMessage);
        }

        return Accept(outcome.Report!, outcome.Text, FormatDocx);
    }

    private ReadResult ReadPdf(ReadOnlyMemory<byte> content)
    {
        var outcome = pdfReader.Read(content);
        return outcome.Failure is { } failure ? ReadResult.Refused(FormatPdf, failure) : Accept(outcome.Report!, outcome.Text, FormatPdf);
    }

    /// <summary>Whether what a reader found is a current-format annual report at all (CHECKS.md A0), whatever the file format.</summary>
    private static ReadResult Accept(Report report, string text, string format)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Refused(format, format == FormatDocx ? "文件为空：Word 文档中没有文字内容。" : "文件为空：只有空白字符，没有可读取的内容。");
        }

        var hasTables = report.Tables.Proactive is not null || report.Tables.Requests is not null || report.Tables.ReviewLitigation is not null;
        // The structure is only weighed when the tables do not already say what the document is.
        var structure = hasTables ? null : OldFormat.Assess(text);
        if (structure is { IsOld: true })
        {
            return ReadResult.Refused(
                format,
                "旧格式：这是 2019 年以前格式的年度报告（概述、收费及减免等结构，依据国务院第492号令），不适用现行的年度报告格式，无法按现行格式核对。",
                report);
        }

        if (hasTables && IsBlankTemplate(report))
        {
            return ReadResult.Refused(
                format,
                "这是空白的年度报告格式模板，不是年度报告：表格中没有填写任何数字，也没有报告年度和机关名称。请在模板中填写本机关的年度报告内容（没有数据的单元格填 0）后上传。",
                report);
        }

        // A report is told by any of: its title, its tables, two part headings, or two of the current parts named in
        // its headings or its introduction's list ("本报告…共有总体情况、主动公开…等六部分" and "一、总体情况"), so a
        // copy whose title was cut off is read, and A1 then says the title is missing.
        var titled = report.Title is { } title && LabelText.ContainsPhrase(LabelText.Fold(title), title, "政府信息公开");
        if (!hasTables && report.Sections.Count < 2 && !titled && structure!.CurrentParts.Count < 2 && !OpensLikeCurrentReport(report, text))
        {
            return ReadResult.Refused(
                format,
                "不是政府信息公开工作年度报告：未找到含“年度报告”的标题，也未找到年度报告的表格或“一、总体情况”等章节标题。");
        }

        return ReadResult.Readable(report, format);
    }

    /// <summary>
    /// An excerpt cut after its first part (a page beginning, a copy without its title): the current format's part 一
    /// (总体情况; old reports opened with 概述 or 概况) under an introduction that speaks of 政府信息公开 (the 条例 it is
    /// written under, "编制本报告", "报告如下").
    /// </summary>
    private static bool OpensLikeCurrentReport(Report report, string text)
    {
        if (report.Sections.FirstOrDefault() is not { Key: "overview" } first
            || !LabelText.Fold(first.Heading).Contains("总体情况", StringComparison.Ordinal))
        {
            return false;
        }

        var folded = LabelText.Fold(text);
        var part = folded.IndexOf("总体情况", StringComparison.Ordinal);
        return part > 0 && LabelText.ContainsPhrase(folded[..part], text, "政府信息公开");
    }

    /// <summary>
    /// The national template uploaded as it was downloaded: every cell of every table blank, and neither a year nor an
    /// agency anywhere. A real report with blank cells has numbers elsewhere, or at least its year and agency.
    /// </summary>
    private static bool IsBlankTemplate(Report report)
    {
        if (report.Year is not null || !string.IsNullOrWhiteSpace(report.Agency))
        {
            return false;
        }

        var tables = report.Tables;
        IEnumerable<List<CellValue>> rows = [
            .. tables.Proactive?.Values.SelectMany(item => item.Values) ?? [],
            .. (IEnumerable<List<CellValue>>?)tables.Requests?.Values ?? [],
            .. (IEnumerable<List<CellValue>>?)tables.ReviewLitigation?.Values ?? []];
        var cells = rows.SelectMany(row => row);
        return cells.All(cell => cell.IsBlank);
    }

    private static ReadResult ReadJson(string text)
    {
        ReportDocument document;
        try
        {
            document = ReportJson.Deserialize(text);
        }
        catch (JsonException ex)
        {
            return ReadResult.Refused(FormatJson, $"JSON 无法解析：{ex.Message}。请上传符合年度报告数据格式（{ReportDocument.SchemaId}）的 JSON 文件。");
        }

        if (document.Schema != ReportDocument.SchemaId)
        {
            return ReadResult.Refused(FormatJson, $"JSON 的 schema 为“{document.Schema}”，不是年度报告数据格式（{ReportDocument.SchemaId}）。");
        }

        // The other readers build their reports; this one takes the upload's word for it, so its shape is checked here.
        if (JsonReportShape.Problem(document.Report) is { } problem)
        {
            return ReadResult.Refused(FormatJson, $"JSON 不符合年度报告数据格式（{ReportDocument.SchemaId}）：{problem}。请检查该处后重新上传。");
        }

        return ReadResult.Readable(document.Report, FormatJson);
    }

    /// <summary>Known binary signatures and NUL bytes (outside UTF-16) mark a file that is not text.</summary>
    private static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return FormatDocx;
        }

        if (bytes.StartsWith("%PDF"u8))
        {
            return FormatPdf;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return FormatUnknown;
        }

        // NUL bytes are judged by the decoder: UTF-16 has them in a pattern, binary does not.
        return null;
    }

    private static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static string FormatOf(string extension) => extension switch
    {
        ".json" => FormatJson,
        ".docx" or ".doc" => FormatDocx,
        ".html" or ".htm" => FormatHtml,
        ".pdf" => FormatPdf,
        _ => TextExtensions.Contains(extension) ? FormatText : FormatUnknown,
    };
}
