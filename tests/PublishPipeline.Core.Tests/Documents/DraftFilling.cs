using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Documents;

/// <summary>
/// Fills in a template document the way an agency does in Word: types each value into its table cell (overwriting a
/// pre-filled figure where the report's value differs) and each part's text under its heading. The cells are found by
/// the template's printed layout (header rows, then one row per template row, the value cells last), not by any
/// mark in the document.
/// </summary>
internal static class DraftFilling
{
    public static byte[] Fill(byte[] template, ReportTemplate shape, Report report)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            var tables = body.Elements<Table>().ToList();
            for (var i = 0; i < shape.Proactive.Count; i++)
            {
                var item = shape.Proactive[i];
                var rows = tables[i].Elements<TableRow>().Skip(2).ToList();
                for (var r = 0; r < item.Rows.Count; r++)
                {
                    FillRow(rows[r], report.Tables.Proactive![item.Key][item.Rows[r].Key]);
                }
            }

            var requests = tables[shape.Proactive.Count].Elements<TableRow>().Skip(3).ToList();
            for (var r = 0; r < shape.Requests.Rows.Count; r++)
            {
                FillRow(requests[r], report.Tables.Requests![shape.Requests.Rows[r].Key]);
            }

            var review = tables[shape.Proactive.Count + 1].Elements<TableRow>().ElementAt(3);
            FillRow(review, [.. shape.ReviewLitigation.Groups.SelectMany(g => report.Tables.ReviewLitigation![g.Key])]);

            foreach (var section in report.Sections)
            {
                var heading = body.Elements<Paragraph>().Single(p => p.InnerText == $"{section.Number}、{section.Heading}");
                OpenXmlElementAfter(heading, section.Text.Split('\n'));
            }

            document.MainDocumentPart.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The value cells are the row's last cells, one per column.</summary>
    private static void FillRow(TableRow row, List<CellValue> values)
    {
        var cells = row.Elements<TableCell>().ToList();
        var first = cells.Count - values.Count;
        for (var c = 0; c < values.Count; c++)
        {
            var paragraph = cells[first + c].Elements<Paragraph>().First();
            var text = values[c].ToString();
            if (paragraph.InnerText == text)
            {
                continue;
            }

            paragraph.RemoveAllChildren<Run>();
            paragraph.Append(new Run(new RunProperties(new FontSize { Val = "21" }), new Text(text)));
        }
    }

    private static void OpenXmlElementAfter(Paragraph heading, IEnumerable<string> lines)
    {
        DocumentFormat.OpenXml.OpenXmlElement after = heading;
        foreach (var line in lines)
        {
            var paragraph = new Paragraph(new Run(new RunProperties(new FontSize { Val = "21" }), new Text(line)));
            after.InsertAfterSelf(paragraph);
            after = paragraph;
        }
    }
}
