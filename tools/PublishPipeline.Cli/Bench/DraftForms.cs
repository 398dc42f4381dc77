using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PublishPipeline.Cli.Bench;

/// <summary>
/// The plain-text and HTML forms of a Word draft, as agencies send them: the text Word gives when the document is
/// copied out (each table cell a line starting with a TAB, a blank line after each row, a merged cell's continuation
/// an empty cell), and the HTML of "save as web page" (merged cells as colspan and rowspan).
/// </summary>
internal static class DraftForms
{
    public static byte[] Text(byte[] docx)
    {
        var text = new StringBuilder();
        foreach (var element in Body(docx))
        {
            switch (element)
            {
                case Paragraph paragraph:
                    text.Append(paragraph.InnerText).Append('\n');
                    break;
                case Table table:
                    text.Append('\n');
                    foreach (var row in table.Elements<TableRow>())
                    {
                        foreach (var cell in row.Elements<TableCell>())
                        {
                            var lines = cell.Elements<Paragraph>().Select(p => p.InnerText).Where(l => l.Length > 0).ToList();
                            text.Append('\t').Append(IsContinued(cell) ? "" : string.Join("\n", lines)).Append('\n');
                        }

                        text.Append('\n');
                    }

                    break;
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Html(byte[] docx, string title)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</title></head>\n<body>\n");
        foreach (var element in Body(docx))
        {
            switch (element)
            {
                case Paragraph paragraph when paragraph.InnerText.Length > 0:
                    html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph.InnerText)).Append("</p>\n");
                    break;
                case Table table:
                    AppendTable(html, table);
                    break;
            }
        }

        html.Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void AppendTable(StringBuilder html, Table table)
    {
        // Each cell's grid column, so a vertical merge's first cell can count the rows that continue it.
        var rows = table.Elements<TableRow>().Select(row =>
        {
            var column = 0;
            return row.Elements<TableCell>().Select(cell =>
            {
                var placed = (Cell: cell, Column: column, Span: Span(cell));
                column += placed.Span;
                return placed;
            }).ToList();
        }).ToList();

        html.Append("<table border=\"1\">\n");
        for (var r = 0; r < rows.Count; r++)
        {
            html.Append("<tr>");
            foreach (var (cell, column, span) in rows[r])
            {
                if (IsContinued(cell))
                {
                    continue;
                }

                var rowSpan = 1;
                if (cell.TableCellProperties?.VerticalMerge is not null)
                {
                    while (r + rowSpan < rows.Count && rows[r + rowSpan].Any(c => c.Column == column && IsContinued(c.Cell)))
                    {
                        rowSpan++;
                    }
                }

                html.Append("<td");
                if (span > 1)
                {
                    html.Append(" colspan=\"").Append(span).Append('"');
                }

                if (rowSpan > 1)
                {
                    html.Append(" rowspan=\"").Append(rowSpan).Append('"');
                }

                html.Append('>')
                    .Append(string.Join("<br>", cell.Elements<Paragraph>().Select(p => WebUtility.HtmlEncode(p.InnerText)).Where(l => l.Length > 0)))
                    .Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static int Span(TableCell cell) => cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;

    /// <summary>A cell that continues the vertical merge above it (a bare <c>w:vMerge</c>).</summary>
    private static bool IsContinued(TableCell cell) =>
        cell.TableCellProperties?.VerticalMerge is { } merge && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);

    private static List<DocumentFormat.OpenXml.OpenXmlElement> Body(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var opened = WordprocessingDocument.Open(stream, false);
        return opened.MainDocumentPart!.Document!.Body!.Elements().Select(e => e.CloneNode(true)).ToList();
    }
}
