using System.Globalization;
using PublishPipeline.Agencies;
using PublishPipeline.Checking;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Tests.Reading.RealForms;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Reading.Pdf;

/// <summary>
/// tests/data/forms/2023-huaian-hongze-qzf-pdf.pdf (the same agency's WPS export a year earlier; SOURCES.md gives its
/// figures): read to those figures, its misprinted table 四 totals found (D4 twice), and, as last year's report, a PDF
/// the cross-year rules can use: with it, the 2024 PDF's carried-over and 现行有效 figures follow from 2023's.
/// </summary>
public class Huaian2023PdfOutcomeTests
{
    private const string Name = "2023-huaian-hongze-qzf-pdf.pdf";

    private static readonly Lazy<DraftCheck> Check = new(() => new DraftChecker().Check("hzq2023.pdf", RepoData.Bytes(Name), new ValidationInputs
    {
        AgencyLevel = AgencyLevels.County,
        ExpectedAgencyName = "洪泽区人民政府",
        AgencyRegion = "江苏省/淮安市/洪泽区",
    }));

    private static Report Report => Check.Value.Document.Report!;

    private static string Cells(IEnumerable<CellValue> cells) =>
        string.Join(' ', cells.Select(c => c.IsNumber ? c.Number.ToString(CultureInfo.InvariantCulture) : c.IsBlank ? "_" : c.Raw));

    [Fact]
    public void Reads_to_the_figures_sources_gives()
    {
        Assert.Equal(2023, Report.Year);
        var proactive = Report.Tables.Proactive!;
        Assert.Equal("0 0 0", Cells(proactive["art20_1"]["rules"]));
        Assert.Equal("0 5 5", Cells(proactive["art20_1"]["normative_docs"]));
        Assert.Equal("550", Cells(proactive["art20_5"]["licensing"]));
        Assert.Equal("4119", Cells(proactive["art20_6"]["penalty"]));
        Assert.Equal("195", Cells(proactive["art20_6"]["enforcement"]));
        Assert.Equal("7730.28", Cells(proactive["art20_8"]["fees"]));

        var requests = Report.Tables.Requests!;
        Assert.Equal("21 0 0 0 0 0 21", Cells(requests["new"]));
        Assert.Equal("0 0 0 0 0 0 0", Cells(requests["carried_in"]));
        Assert.Equal("4 0 0 0 0 0 4", Cells(requests["r2"]));
        Assert.Equal("10 0 0 0 0 0 10", Cells(requests["r4_1"]));
        Assert.Equal("3 0 0 0 0 0 3", Cells(requests["r4_2"]));
        Assert.Equal("0 0 0 0 0 0 0", Cells(requests["r6"]));
        Assert.Equal("21 0 0 0 0 0 21", Cells(requests["total"]));
        Assert.Equal("2.其他法律行政止公开", Report.Tables.Labels!["requests/r3_2"]);

        var review = Report.Tables.ReviewLitigation!;
        Assert.Equal("10 1 0 0 0", Cells(review["review"]));
        Assert.Equal("0 0 0 0 0", Cells(review["suit_direct"]));
        Assert.Equal("5 0 0 0 0", Cells(review["suit_after_review"]));
    }

    [Fact]
    public void Its_findings_are_d4_twice_b3_b5_and_no_f1()
    {
        var findings = Check.Value.Findings;
        Assert.Single(findings, f => f.Rule == "B3");
        Assert.Equal(["review", "suit_after_review"], findings.Where(f => f.Rule == "D4").Select(f => f.Location!.Row!).Order(StringComparer.Ordinal));
        Assert.Single(findings, f => f.Rule == "B5");

        // 受理政府信息公开申请21件 agrees with table 三.
        Assert.DoesNotContain(findings, f => f.Rule == "F1");
    }

    [Fact]
    public void As_last_years_report_it_lets_the_cross_year_rules_check_the_2024_pdf()
    {
        var reader = new DraftReader();
        var previous = reader.Read("hzq2023.pdf", RepoData.Bytes(Name)).Report!;
        var current = reader.Read("hzq2024.pdf", Corpus.Bytes("forms/2024-huaian-hongze-qzf-pdf.pdf")).Report!;
        var validator = new ReportValidator();

        // Without it, G1–G4 are one "未检查" note; with it they run, and 2024's carried-in 0 and 现行有效 8 (= 5 + 3 − 0) follow.
        Assert.Single(validator.Validate(current), f => f.Rule == "G1" && f.Severity == Severity.Info);
        Assert.DoesNotContain(validator.Validate(current, new ValidationInputs { PreviousReport = previous }), f => f.Rule[0] == 'G');
    }
}
