using PublishPipeline.Agencies;
using PublishPipeline.Checking;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Reading.Pdf;

/// <summary>
/// The real PDF in corpus/forms (淮安市洪泽区人民政府 2024, exported by WPS) read to the figures its INDEX.md section
/// gives, with the findings it records: the narrative's 17 applications against table 三's 95 (F1), table 三 in the
/// 2019 rows (a single （六）其他处理) under 2021 columns in table 二 (B3), and the misprinted label
/// 2.其他法律行政止公开 read as its row (B5).
/// </summary>
public class HuaianPdfOutcomeTests
{
    private const string Name = "forms/2024-huaian-hongze-qzf-pdf.pdf";

    private static readonly ValidationInputs Inputs = new()
    {
        AgencyLevel = AgencyLevels.County,
        ExpectedAgencyName = "淮安市洪泽区人民政府",
        AgencyRegion = "江苏省/淮安市/洪泽区",
    };

    private static readonly Lazy<DraftCheck> Check = new(() => new DraftChecker().Check("hzq2024.pdf", Corpus.Bytes(Name), Inputs));

    private static Report Report => Check.Value.Document.Report!;

    private static IReadOnlyList<Finding> Findings => Check.Value.Findings;

    /// <summary>A row's cells as printed figures, a blank as "_" (blank is not 0) and text as itself.</summary>
    private static string Cells(IEnumerable<CellValue> cells) =>
        string.Join(' ', cells.Select(c => c.IsNumber ? c.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : c.IsBlank ? "_" : c.Raw));

    private static string Row(string key) => Cells(Report.Tables.Requests![key]);

    [Fact]
    public void Reads_title_year_agency_and_period()
    {
        Assert.Equal("pdf", Check.Value.Document.Source?.Format);
        Assert.Equal(2024, Report.Year);
        Assert.Equal("淮安市洪泽区人民政府", Report.Agency);
        Assert.Equal(new ReportPeriod("2024-01-01", "2024-12-31"), Report.Period);
        Assert.Equal(["overview", "proactive", "requests", "review_litigation", "problems", "other"], Report.Sections.Select(s => s.Key));
    }

    [Fact]
    public void Table_two_is_read_in_the_2021_columns()
    {
        var proactive = Report.Tables.Proactive!;
        Assert.Equal("0 0 0", Cells(proactive["art20_1"]["rules"]));
        Assert.Equal("3 0 8", Cells(proactive["art20_1"]["normative_docs"]));
        Assert.Equal("9487", Cells(proactive["art20_5"]["licensing"]));
        Assert.Equal("2776", Cells(proactive["art20_6"]["penalty"]));
        Assert.Equal("84", Cells(proactive["art20_6"]["enforcement"]));
        Assert.Equal("7545", Cells(proactive["art20_8"]["fees"]));
    }

    [Fact]
    public void Table_three_reads_to_its_figures_and_its_identities_hold()
    {
        Assert.Equal("95 0 0 0 0 0 95", Row("new"));
        Assert.Equal("0 0 0 0 0 0 0", Row("carried_in"));
        Assert.Equal("50 0 0 0 0 0 50", Row("r1"));
        Assert.Equal("9 0 0 0 0 0 9", Row("r2"));
        Assert.Equal("31 0 0 0 0 0 31", Row("r4_1"));
        Assert.Equal("95 0 0 0 0 0 95", Row("total"));
        Assert.Equal("0 0 0 0 0 0 0", Row("carried_out"));

        // All 23 rows of its (2019) table 三, labels wrapped in their cells included ("…只计这一情 形，不" / "计其他情形）"), every cell a number.
        Assert.Equal(23, Report.Tables.Requests!.Count);
        Assert.All(Report.Tables.Requests.Values, row => Assert.All(row, cell => Assert.True(cell.IsNumber)));

        // Every arithmetic rule holds: no D finding at all.
        Assert.DoesNotContain(Findings, f => f.Rule[0] == 'D' && f.Severity != Severity.Info);
    }

    [Fact]
    public void Table_three_in_the_2019_rows_is_b3()
    {
        Assert.Equal("0 0 0 0 0 0 0", Row("r6"));
        var b3 = Assert.Single(Findings, f => f.Rule == "B3");
        Assert.Equal(Severity.Error, b3.Severity);
        Assert.Contains("（六）其他处理", b3.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_misprinted_label_is_read_as_its_row_with_b5()
    {
        Assert.Equal("2.其他法律行政止公开", Report.Tables.Labels!["requests/r3_2"]);
        Assert.Equal("0 0 0 0 0 0 0", Row("r3_2"));
        Assert.Single(Findings, f => f.Rule == "B5" && f.Message.Contains("其他法律行政止公开", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_four_totals_are_2_1_3()
    {
        var review = Report.Tables.ReviewLitigation!;
        Assert.Equal("1 1 0 0 2", Cells(review["review"]));
        Assert.Equal("1 0 0 0 1", Cells(review["suit_direct"]));
        Assert.Equal("2 0 1 0 3", Cells(review["suit_after_review"]));
    }

    [Fact]
    public void The_narrative_17_against_table_three_95_is_f1()
    {
        var f1 = Assert.Single(Findings, f => f.Rule == "F1");
        Assert.Contains("17", f1.Message, StringComparison.Ordinal);
        Assert.Contains("95", f1.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrapped_paragraphs_are_whole_sentences_and_page_numbers_are_gone()
    {
        var overview = Report.Sections.Single(s => s.Key == "overview").Text;
        Assert.Contains("2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。", overview, StringComparison.Ordinal);
        Assert.Equal(6, overview.Split('\n').Length);

        // A paragraph cut by the page break between pages 4 and 5 is one paragraph.
        var problems = Report.Sections.Single(s => s.Key == "problems").Text.Split('\n');
        Assert.Equal(2, problems.Length);
        Assert.Contains("答复书模板，使各行政机关答复的方式", problems[1], StringComparison.Ordinal);
        Assert.DoesNotContain(Report.Sections, s => s.Text.Contains("- 4 -", StringComparison.Ordinal) || s.Text.Contains("-4-", StringComparison.Ordinal));
    }

    [Fact]
    public void Exit_code_is_1_for_its_errors()
    {
        Assert.Equal(DraftCheck.HasErrorsCode, Check.Value.ExitCode);
    }
}
