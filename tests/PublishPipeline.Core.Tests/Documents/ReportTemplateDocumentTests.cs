using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using PublishPipeline.Documents;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Documents;

public class ReportTemplateDocumentTests
{
    [Theory]
    [InlineData("2019", false)]
    [InlineData("2021", false)]
    [InlineData("2019", true)]
    [InlineData("2021", true)]
    public void Output_passes_the_open_xml_validator(string templateId, bool filled)
    {
        var bytes = ReportTemplateDocument.Create(TemplateCatalog.Get(templateId), filled ? TestReports.Full(templateId).Report : null);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("2019", 7)]
    [InlineData("2021", 6)]
    public void Tables_carry_the_official_merged_headers(string templateId, int tableCount)
    {
        var template = TemplateCatalog.Get(templateId);
        using var document = WordprocessingDocument.Open(new MemoryStream(ReportTemplateDocument.Create(template)), false);
        var tables = document.MainDocumentPart!.Document!.Body!.Elements<Table>().ToList();

        Assert.Equal(tableCount, tables.Count);
        Assert.Equal(template.Proactive.Select(p => p.Label), tables.Take(template.Proactive.Count).Select(t => Text(Cells(t, 0)[0])));

        var requests = tables[^2];
        var note = Cells(requests, 0)[0];
        Assert.Equal(template.Requests.HeaderNote, Text(note));
        Assert.Equal((3, MergedCellValues.Restart), (Span(note), Merge(note)));
        Assert.All([Cells(requests, 1)[0], Cells(requests, 2)[0]], c => Assert.Equal((3, MergedCellValues.Continue), (Span(c), Merge(c))));
        Assert.Equal(("申请人情况", 7), (Text(Cells(requests, 0)[1]), Span(Cells(requests, 0)[1])));
        Assert.Equal(("法人或其他组织", 5), (Text(Cells(requests, 1)[2]), Span(Cells(requests, 1)[2])));
        Assert.Equal(("自然人", MergedCellValues.Restart), (Text(Cells(requests, 1)[1]), Merge(Cells(requests, 1)[1])));
        Assert.Equal(MergedCellValues.Continue, Merge(Cells(requests, 2)[1]));

        // 三、本年度办理结果 runs down every result row; （三）不予公开 down its eight sub-rows.
        var resultRows = template.Requests.Rows.Count(r => r.Key.StartsWith('r')) + 1;
        var firstResult = 3 + 2;
        Assert.Equal(("三、本年度办理结果", MergedCellValues.Restart), (Text(Cells(requests, firstResult)[0]), Merge(Cells(requests, firstResult)[0])));
        Assert.All(Enumerable.Range(firstResult + 1, resultRows - 1), r => Assert.Equal(MergedCellValues.Continue, Merge(Cells(requests, r)[0])));
        var withheld = firstResult + 2;
        Assert.Equal(("（三）不予公开", MergedCellValues.Restart), (Text(Cells(requests, withheld)[1]), Merge(Cells(requests, withheld)[1])));
        Assert.All(Enumerable.Range(withheld + 1, 7), r => Assert.Equal(MergedCellValues.Continue, Merge(Cells(requests, r)[1])));
        Assert.All(requests.Elements<TableRow>().Skip(3), row => Assert.Equal(10, row.Elements<TableCell>().Sum(Span)));

        var review = tables[^1];
        Assert.Equal([("行政复议", 5), ("行政诉讼", 10)], Cells(review, 0).Select(c => (Text(c), Span(c))));
        Assert.Equal(["未经复议直接起诉", "复议后起诉"], Cells(review, 1).Where(c => Span(c) == 5).Select(Text));
        Assert.Equal(15, Cells(review, 3).Count);
        Assert.All(Cells(review, 3), c => Assert.Equal("", Text(c)));
    }

    private static List<TableCell> Cells(Table table, int row) => table.Elements<TableRow>().ElementAt(row).Elements<TableCell>().ToList();

    private static string Text(TableCell cell) => cell.InnerText;

    private static int Span(TableCell cell) => cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;

    private static MergedCellValues? Merge(TableCell cell) =>
        cell.TableCellProperties?.VerticalMerge is { } merge ? merge.Val?.Value ?? MergedCellValues.Continue : null;
}
