using System.Text;
using PublishPipeline.Reading;
using PublishPipeline.Reading.Pdf;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Reading.Pdf;

/// <summary>
/// PDF drafts read through their text layer: the seed written as an exported PDF reads to the same report and the same
/// findings as its text form, and every kind of bad PDF (scan, password, damage, too large) is a Chinese A0, never an
/// exception.
/// </summary>
public class PdfReportReaderTests
{
    private static readonly Lazy<byte[]> SeedPdf = new(() => PdfFixtures.FromText(SeedFormsTests.SeedText));

    private static string Canonical(ReportTables tables) =>
        Encoding.UTF8.GetString(ReportJson.SerializeToUtf8(new ReportDocument { Report = new Report { Tables = tables } }));

    private static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string A0(ReadResult result)
    {
        Assert.True(result.Unreadable);
        Assert.Equal("pdf", result.Format);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("A0", Severity.Error), (finding.Rule, finding.Severity));
        return finding.Message;
    }

    /// <summary>Also with every page turned by /Rotate: PdfPig gives such a page's letters turned, and they read the same.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void Seed_written_as_pdf_reads_to_the_same_report_as_its_text(int rotation)
    {
        var text = new DraftReader().Read("seed.txt", Encoding.UTF8.GetBytes(SeedFormsTests.SeedText));
        var pdf = new DraftReader().Read("seed.pdf", rotation == 0 ? SeedPdf.Value : PdfFixtures.FromText(SeedFormsTests.SeedText, rotation));

        Assert.False(pdf.Unreadable, string.Join(";", pdf.Findings.Select(f => f.Message)));
        Assert.Equal("pdf", pdf.Format);
        var (expected, actual) = (text.Report!, pdf.Report!);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal((expected.Year, expected.Agency, expected.Period, expected.Template), (actual.Year, actual.Agency, actual.Period, actual.Template));
        Assert.Equal(expected.Sections.Select(s => (s.Number, s.Key, s.Heading)), actual.Sections.Select(s => (s.Number, s.Key, s.Heading)));

        // Paragraphs the page wrapped (and a page break cut) are whole again, so the F rules read the same sentences.
        Assert.Equal(expected.Sections.Select(s => NoSpace(s.Text)), actual.Sections.Select(s => NoSpace(s.Text)));
        Assert.Equal(expected.Sections.Select(s => s.Text.Count(c => c == '\n')), actual.Sections.Select(s => s.Text.Count(c => c == '\n')));
        Assert.Equal(NoSpace(expected.Preamble ?? ""), NoSpace(actual.Preamble ?? ""));
        Assert.Equal(Canonical(expected.Tables), Canonical(actual.Tables));
    }

    [Fact]
    public void Seed_written_as_pdf_gets_the_same_findings_as_its_text()
    {
        var validator = new ReportValidator();
        var text = new DraftReader().Read("seed.txt", Encoding.UTF8.GetBytes(SeedFormsTests.SeedText)).Report!;
        var pdf = new DraftReader().Read("seed.pdf", SeedPdf.Value).Report!;

        static List<string> Keys(IEnumerable<Finding> findings) =>
            findings.Select(f => $"{f.Rule}:{f.Severity}@{f.Location?.Table}/{f.Location?.Row}/{f.Location?.Column}/{f.Location?.Section}").Order(StringComparer.Ordinal).ToList();

        var expected = Keys(validator.Validate(text));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Keys(validator.Validate(pdf)));
    }

    [Fact]
    public void Page_numbers_are_not_text()
    {
        var report = new DraftReader().Read("seed.pdf", SeedPdf.Value).Report!;

        // The fixture draws "- N -" at the foot of every page, first in content order (as WPS does).
        Assert.DoesNotContain(report.Sections, s => System.Text.RegularExpressions.Regex.IsMatch(s.Text, @"-\s*\d+\s*-"));
        Assert.DoesNotMatch(@"\d", report.Title![..4].Replace("2020", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scan_without_text_asks_for_the_word_file()
    {
        var message = A0(new DraftReader().Read("scan.pdf", PdfFixtures.Scanned(3)));

        Assert.Contains("扫描件", message, StringComparison.Ordinal);
        Assert.Contains("Word（.docx）", message, StringComparison.Ordinal);
        Assert.Contains("共 3 页", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_its_character_map_is_called_garbled_not_a_non_report()
    {
        // The seed's PDF with its fonts' ToUnicode maps made unreachable: the text layer holds single-byte codes.
        var garbled = Encoding.Latin1.GetString(SeedPdf.Value).Replace("/ToUnicode", "/ToUnicodX", StringComparison.Ordinal);

        var message = A0(new DraftReader().Read("garbled.pdf", Encoding.Latin1.GetBytes(garbled)));

        Assert.StartsWith("PDF 的文字无法正确提取", message, StringComparison.Ordinal);
        Assert.Contains("Word（.docx）", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_protected_pdf_is_refused_as_encrypted()
    {
        Assert.Equal(PdfReportReader.EncryptedMessage, A0(new DraftReader().Read("locked.pdf", PdfFixtures.PasswordProtected())));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    public void A_truncated_pdf_is_refused_as_damaged(double kept)
    {
        var bytes = SeedPdf.Value;
        var cut = bytes.AsSpan(0, (int)(bytes.Length * kept)).ToArray();

        var result = new DraftReader().Read("cut.pdf", cut);

        // PdfPig's lenient parser may find the objects without the cross-reference table at the end; what it cannot
        // find is damage, or pages without text, never a guess.
        var message = A0(result);
        Assert.True(message == PdfReportReader.CorruptMessage || message.StartsWith("PDF 没有可读取的文字层", StringComparison.Ordinal), message);
    }

    [Theory]
    [InlineData("%PDF-1.7\n")]
    [InlineData("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF")]
    [InlineData("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\nthis is not a pdf at all, just text after the signature\n")]
    public void Garbage_after_the_signature_is_refused_as_damaged(string content)
    {
        Assert.Equal(PdfReportReader.CorruptMessage, A0(new DraftReader().Read("x.pdf", Encoding.Latin1.GetBytes(content))));
    }

    [Fact]
    public void Too_many_pages_are_refused_before_reading_them()
    {
        var pdf = PdfFixtures.Paragraphs(5, "本报告根据《中华人民共和国政府信息公开条例》编制，统计期限自2021年1月1日起至2021年12月31日止。");
        var reader = new DraftReader(new DraftReaderOptions(), pdfLimits: new PdfReadLimits { MaxPages = 4 });

        var message = A0(reader.Read("long.pdf", pdf));

        Assert.Contains("共 5 页", message, StringComparison.Ordinal);
        Assert.Contains("4 页的上限", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_much_text_is_refused()
    {
        var pdf = PdfFixtures.Paragraphs(3, string.Concat(Enumerable.Repeat("政府信息公开工作年度报告正文", 20)));
        var reader = new DraftReader(new DraftReaderOptions(), pdfLimits: new PdfReadLimits { MaxCharacters = 500 });

        var message = A0(reader.Read("big.pdf", pdf));

        Assert.Contains("500 个字符", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_byte_cap_is_refused_unread()
    {
        var reader = new PdfReportReader(new PdfReadLimits { MaxFileBytes = 1024 });

        var outcome = reader.Read(SeedPdf.Value);

        Assert.Null(outcome.Report);
        Assert.Contains("超过 0 MB 的上限", outcome.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_time_budget_stops_a_slow_read()
    {
        var reader = new DraftReader(new DraftReaderOptions(), pdfLimits: new PdfReadLimits { MaxDuration = TimeSpan.Zero });

        // A zero budget runs out before the first page: the limit is checked between pages.
        Assert.Contains("秒", A0(reader.Read("seed.pdf", SeedPdf.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_whose_cells_are_all_blank_is_a_row_of_blanks_not_a_missing_row()
    {
        // The seed with （一）予以公开's seven cells emptied: in a PDF the label stands alone on its line.
        var lines = SeedFormsTests.SeedText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var label = lines.FindIndex(l => l == "\t（一）予以公开");
        Assert.True(label > 0);
        for (var i = label + 1; i < lines.Count && lines[i].StartsWith('\t'); i++)
        {
            lines[i] = "\t";
        }

        var report = new DraftReader().Read("blank.pdf", PdfFixtures.FromText(string.Join('\n', lines))).Report!;

        Assert.Equal(7, report.Tables.Requests!["r1"].Count(c => c.IsBlank));
        var c1 = new ReportValidator().Validate(report).Where(f => f.Rule == "C1" && f.Location?.Row == "r1").ToList();
        Assert.Equal(7, c1.Count);
    }

    [Fact]
    public void Deeply_nested_objects_and_operands_are_answered_not_crashed_on()
    {
        const int depth = 200_000;
        var nested = new string('[', depth) + new string(']', depth);
        var content = "BT " + nested + " TJ ET";
        var objects = new[]
        {
            "<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/X " + nested + ">>",
            $"<</Length {content.Length}>>\nstream\n{content}\nendstream",
        };
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        offsets.ForEach(o => pdf.Append($"{o:D10} 00000 n \n"));
        pdf.Append($"trailer<</Size {objects.Length + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF");

        var message = A0(new DraftReader().Read("deep.pdf", Encoding.Latin1.GetBytes(pdf.ToString())));

        Assert.True(message == PdfReportReader.CorruptMessage || message.StartsWith("PDF 没有可读取的文字层", StringComparison.Ordinal), message);
    }

    /// <summary>Bytes of a real PDF changed at random places: whatever PdfPig meets, the reader answers and never throws.</summary>
    [Fact]
    public void No_exception_escapes_from_damaged_bytes()
    {
        var original = SeedPdf.Value;
        var random = new Random(20261202);
        for (var round = 0; round < 150; round++)
        {
            var bytes = (byte[])original.Clone();
            var changes = 1 + random.Next(20);
            for (var c = 0; c < changes; c++)
            {
                var at = 4 + random.Next(bytes.Length - 4);
                bytes[at] = (byte)random.Next(256);
            }

            if (round % 5 == 0)
            {
                Array.Resize(ref bytes, 4 + random.Next(bytes.Length - 4));
            }

            var result = new DraftReader().Read("fuzz.pdf", bytes);

            Assert.Equal("pdf", result.Format);
            Assert.True(result.Report is not null || result.Unreadable);
            Assert.All(result.Findings.Where(f => f.Rule == "A0"), f => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", f.Message));
        }
    }
}
