using System.Net;
using System.Text;

namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>A plain HTML export: each line a &lt;p&gt;, each table a &lt;table&gt; of &lt;td&gt; cells, no site chrome.</summary>
internal static class HtmlWriter
{
    public static string Write(SourceReport source, bool blankRows = false)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(source.TitleLine ?? "")).Append("</title></head><body>\n");
        foreach (var block in source.Blocks)
        {
            switch (block)
            {
                case SourceLine line:
                    html.Append("<p>").Append(WebUtility.HtmlEncode(line.Text)).Append("</p>\n");
                    break;
                case SourceTable table:
                    html.Append("<table border=\"1\">\n");
                    foreach (var row in (blankRows ? MarkdownWriter.WithBlankRow(table) : table).Rows)
                    {
                        html.Append("<tr>");
                        foreach (var cell in row)
                        {
                            html.Append("<td>").Append(WebUtility.HtmlEncode(cell.Trim())).Append("</td>");
                        }

                        html.Append("</tr>\n");
                    }

                    html.Append("</table>\n");
                    break;
            }
        }

        return html.Append("</body></html>\n").ToString();
    }
}

/// <summary>(c) An HTML export read by the HTML reader.</summary>
internal sealed class HtmlExportForm : RepublishedForm
{
    public override string Name => "html";

    public override RenderedForm Render(SourceReport source) => new("report.html", HtmlWriter.Write(source));
}
