using System.Globalization;
using PublishPipeline.Checking;
using PublishPipeline.Reading.Pdf;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Reading.Pdf;

/// <summary>
/// The samples written into our Word template and exported to PDF by LibreOffice (tests/data/pdf-exports, see
/// SOURCES.md). LibreOffice wraps table 三's narrow sub-labels over 3–5 lines with the values on a middle line and the
/// group label in a column of its own beside them; read back, the PDF must give the same tables, cell for cell, and
/// the same findings as the sample text itself.
/// </summary>
public class LibreOfficePdfTests
{
    public static TheoryData<string> Samples => new() { "2020-lanxi-wenlvj", "2021-qingshan-jiedao" };

    private static string PdfPath(string name) => Path.Combine(Corpus.RepoRoot, "tests", "data", "pdf-exports", name + ".pdf");

    private static DraftCheck FromPdf(string name) => new DraftChecker().Check(name + ".pdf", File.ReadAllBytes(PdfPath(name)));

    private static DraftCheck FromText(string name) => new DraftChecker().Check(name + ".txt", File.ReadAllBytes(Corpus.Sample(name + ".txt")));

    private static string Cell(CellValue c) => c.IsNumber ? c.Number.ToString(CultureInfo.InvariantCulture) : c.IsBlank ? "_" : c.Raw ?? "";

    private static List<string> Cells<TRow>(IReadOnlyDictionary<string, TRow>? table, Func<TRow, IEnumerable<string>> row) =>
        table is null ? [] : [.. table.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ": " + string.Join(' ', row(p.Value)))];

    private static List<string> Tables(Report report)
    {
        var tables = report.Tables;
        var lines = new List<string>();
        lines.AddRange(Cells(tables.Proactive, g => g.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + string.Join(' ', p.Value.Select(Cell)))));
        lines.AddRange(Cells(tables.Requests, r => r.Select(Cell)));
        lines.AddRange(Cells(tables.ReviewLitigation, r => r.Select(Cell)));
        return lines;
    }

    // The Word template the samples were written into has no place for the preamble, so the period sentence
    // (统计期限为…) is in neither PDF: A3 is the one finding the PDFs add, and they add it the same way.
    private static List<string> Findings(DraftCheck check) =>
        [.. check.Findings.Where(f => f.Rule != "A3").Select(f => $"{f.Rule} {f.Severity} {f.Location?.Table}/{f.Location?.Row}/{f.Location?.Column}/{f.Location?.Section}").Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Pdf_reads_to_the_tables_of_the_text(string name)
    {
        var pdf = FromPdf(name);
        var text = FromText(name);
        Assert.Equal("pdf", pdf.Document.Source?.Format);
        Assert.NotEmpty(Tables(text.Document.Report!));
        Assert.Equal(Tables(text.Document.Report!), Tables(pdf.Document.Report!));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Pdf_gives_the_findings_of_the_text(string name)
    {
        var pdf = FromPdf(name);
        var text = FromText(name);
        Assert.Equal(Findings(text), Findings(pdf));
        Assert.DoesNotContain(text.Findings, f => f.Rule == "A3");
        Assert.Single(pdf.Findings, f => f.Rule == "A3" && f.Location?.Section == "preamble");
        Assert.DoesNotContain("1月1日", new PdfReportReader().Read(File.ReadAllBytes(PdfPath(name))).Text!.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
