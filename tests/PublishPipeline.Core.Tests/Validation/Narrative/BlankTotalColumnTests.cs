using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Validation.Narrative;

/// <summary>
/// F3 where table 三's 总计 column is blank (issue 10, "a blank 总计 column"): the narrative's category figures are
/// compared with the sum of the applicant columns, and a row blank in every column is not taken for 0.
/// </summary>
public class BlankTotalColumnTests
{
    private const string Kewei = "2024-shanghai-kewei-pdfmd.txt";

    private static Report Read(string name) => new PublishPipeline.Reading.DraftReader().Read(name, Corpus.Bytes(name)).Report!;

    private static List<Finding> F3(Report report) => new ReportValidator().Validate(report).Where(f => f.Rule == "F3").ToList();

    private static void BlankTotal(Report report, string row)
    {
        var cells = report.Tables.Requests![row];
        cells[^1] = CellValue.Blank;
    }

    [Fact]
    public void Kewei_as_published_reads_its_disclosed_row_and_its_narrative_agrees()
    {
        // The real form: 上海市科委 2024 (PDF→markdown) prints a blank 总计 in its 结转 row; its (一) row reads 9 … 9,
        // and the narrative says 同意公开答复 9 件.
        var report = Read(Kewei);

        Assert.True(report.Tables.Requests!["carried_out"][^1].IsBlank);
        Assert.Equal(9m, report.Tables.Requests["r1"][^1].AsNumber);
        Assert.Empty(F3(report));
    }

    [Fact]
    public void Kewei_with_a_blank_total_in_its_disclosed_row_compares_the_applicant_columns()
    {
        var report = Read(Kewei);
        BlankTotal(report, "r1");

        Assert.Empty(F3(report)); // 9+0+0+0+0+0 = 9, as the narrative says

        report.Tables.Requests!["r1"][0] = CellValue.Of(7);
        report.Tables.Requests["r1"][1] = CellValue.Of(1);
        var finding = Assert.Single(F3(report));
        Assert.Equal((Severity.Error, "r1", "total", 8m, 9m), (finding.Severity, finding.Location!.Row, finding.Location.Column, finding.Expected!.Value, finding.Actual!.Value));
        Assert.Contains("同意公开答复 9 件", finding.Message, StringComparison.Ordinal);
        Assert.Contains("总计列空白", finding.Message, StringComparison.Ordinal);
        Assert.Contains("自然人 7、商业企业 1、科研机构 0", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_blank_in_every_column_is_not_zero()
    {
        var report = Read(Kewei);
        var cells = report.Tables.Requests!["r1"];
        for (var i = 0; i < cells.Count; i++)
        {
            cells[i] = CellValue.Blank;
        }

        Assert.Empty(F3(report));
    }

    [Fact]
    public void Some_applicant_cells_blank_only_a_figure_below_the_filled_ones_contradicts()
    {
        var report = Read(Kewei);
        var cells = report.Tables.Requests!["r1"];
        cells[^1] = CellValue.Blank;
        cells[1] = CellValue.Blank;

        cells[0] = CellValue.Of(8);
        Assert.Empty(F3(report)); // 8 + blank may be 9

        cells[0] = CellValue.Of(10);
        var finding = Assert.Single(F3(report));
        Assert.Equal((10m, 9m), (finding.Expected!.Value, finding.Actual!.Value));
        Assert.Contains("商业企业 空白", finding.Message, StringComparison.Ordinal);
        Assert.Contains("空白不计为 0", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_of_rows_sums_each_rows_applicants_where_its_total_is_blank()
    {
        // The code-built 2021 report: (三) is 4 in r3_5 and 0 elsewhere; an office that filled only the applicant columns.
        var report = NarrativeReports.With("依申请公开方面，不予公开5件，无法提供6件。");
        foreach (var row in report.Tables.Requests!.Keys.Where(k => k.StartsWith("r3_", StringComparison.Ordinal) || k.StartsWith("r4_", StringComparison.Ordinal)))
        {
            BlankTotal(report, row);
        }

        var finding = Assert.Single(F3(report));
        Assert.Equal((Severity.Error, (string?)null, 4m, 5m), (finding.Severity, finding.Location!.Row, finding.Expected!.Value, finding.Actual!.Value));
        Assert.Contains("（三）不予公开各项之和", finding.Message, StringComparison.Ordinal);
        Assert.Contains("「（三）不予公开 5.属于三类内部事务信息」自然人 4", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentages_use_the_applicant_sum_of_a_blank_grand_total()
    {
        var report = NarrativeReports.With("依申请公开方面，予以公开10件（50%）。");
        BlankTotal(report, "total");

        var finding = Assert.Single(F3(report));
        Assert.Equal((35.71m, 50m), (finding.Expected!.Value, finding.Actual!.Value));
        Assert.Contains("总计列空白", finding.Message, StringComparison.Ordinal);
    }
}
