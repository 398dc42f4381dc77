using System.Net;
using System.Text;
using PublishPipeline.Reading;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Reading;

/// <summary>The seed reads identically as UTF-8 text, GB18030 text, BOM-less UTF-16 text and a portal-style HTML page.</summary>
public class SeedFormsTests
{
    internal static string SeedText => File.ReadAllText(Corpus.File(Corpus.SeedName));

    private static string Canonical(Report report) =>
        Encoding.UTF8.GetString(ReportJson.SerializeToUtf8(new ReportDocument { Report = report }));

    private static ReadResult Read(string name, byte[] bytes) => new DraftReader().Read(name, bytes);

    [Fact]
    public void Gb18030_text_reads_like_utf8_with_i1_encoding_advice_as_info()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var utf8 = Read("draft.txt", Encoding.UTF8.GetBytes(SeedText));
        var gb = Read("draft.txt", Encoding.GetEncoding("GB18030").GetBytes(SeedText));

        Assert.False(gb.Unreadable);
        Assert.Equal(Canonical(utf8.Report!), Canonical(gb.Report!));
        var finding = Assert.Single(gb.Findings);
        Assert.Equal(("I1", Severity.Info), (finding.Rule, finding.Severity));
        Assert.Contains("GBK/GB18030", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_without_bom_reads_like_utf8(bool bigEndian)
    {
        var utf8 = Read("draft.txt", Encoding.UTF8.GetBytes(SeedText));
        var utf16 = Read("draft.txt", (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetBytes(SeedText));

        Assert.False(utf16.Unreadable, string.Join(";", utf16.Findings.Select(f => f.Message)));
        Assert.Equal(Canonical(utf8.Report!), Canonical(utf16.Report!));
    }

    [Fact]
    public void Portal_html_with_spans_and_chrome_reads_like_the_text()
    {
        var text = new TextReportReader().Read(SeedText);
        var html = SeedHtml.Build(SeedText);

        var result = Read("report.html", Encoding.UTF8.GetBytes(html));

        Assert.False(result.Unreadable, string.Join(";", result.Findings.Select(f => f.Message)));
        Assert.Equal("html", result.Format);
        var report = result.Report!;
        Assert.Equal(text.Title, report.Title);
        Assert.Equal(text.Year, report.Year);
        Assert.Equal(text.Agency, report.Agency);
        Assert.Equal(text.Template, report.Template);
        Assert.Equal(text.Sections.Select(s => (s.Number, s.Key, s.Heading)), report.Sections.Select(s => (s.Number, s.Key, s.Heading)));
        Assert.DoesNotContain(report.Sections, s => s.Text.Contains("网站首页", StringComparison.Ordinal) || s.Text.Contains("版权所有", StringComparison.Ordinal));
        var json = new ReportTables[] { text.Tables, report.Tables }
            .Select(t => Canonical(new Report { Tables = t })).ToList();
        Assert.Equal(json[0], json[1]);
    }

    [Fact]
    public void Html_entities_and_br_inside_cells_are_read()
    {
        const string html = """
            <html><body><div class="content"><h1>2021年某镇人民政府政府信息公开工作年度报告</h1>
            <p>二、主动公开政府信息情况</p>
            <table><tr><td colspan="4">第二十条第（一）项</td></tr>
            <tr><td>信息内容</td><td>本年<br>制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
            <tr><td>规&nbsp;章</td><td>&nbsp;1&nbsp;</td><td>0</td><td>3</td></tr></table></div></body></html>
            """;

        var report = Read("x.html", Encoding.UTF8.GetBytes(html)).Report!;

        Assert.Equal("2021", report.Template);
        Assert.Equal([1m, 0m, 3m], report.Tables.Proactive!["art20_1"]["rules"].Select(c => c.Number));
    }
}

/// <summary>Builds, from the seed's TAB text, the page a portal would publish: real table markup with rowspan/colspan, inside site chrome.</summary>
internal static class SeedHtml
{
    public static string Build(string seed)
    {
        var body = new StringBuilder();
        var rows = new List<List<string>>();
        var lines = seed.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        List<string>? row = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('\t'))
            {
                row ??= [];
                row.Add(line[1..]);
                continue;
            }

            if (line.Trim().Length == 0)
            {
                if (row is not null)
                {
                    rows.Add(row);
                }

                row = null;
                continue;
            }

            if (row is not null && line.Trim().Length <= 10 && i + 1 < lines.Length && lines[i + 1].StartsWith('\t'))
            {
                row[^1] += line.Trim(); // "（三）" ⏎⏎ "不予公开": a wrapped cell
                continue;
            }

            Flush();
            body.Append("<p>").Append(WebUtility.HtmlEncode(line.Trim())).Append("</p>\n");
        }

        Flush();
        return $$"""
            <!DOCTYPE html><html lang="zh-CN"><head><title>报告_某区政府门户网站</title><style>p{margin:0}</style>
            <script>document.write('网站首页');</script></head><body>
            <header><a href="/">网站首页</a> 政务公开 互动交流</header><nav><ul><li>网站首页</li><li>政府信息公开年报</li></ul></nav>
            <div class="sidebar"><p>相关链接：网站首页</p></div>
            <div class="main"><div class="article-content">
            {{body}}
            </div></div><footer>版权所有：某区人民政府办公室</footer></body></html>
            """;

        void Flush()
        {
            if (row is not null)
            {
                rows.Add(row);
                row = null;
            }

            if (rows.Count == 0)
            {
                return;
            }

            body.Append("<table border=\"1\">\n");
            foreach (var cells in rows)
            {
                body.Append("<tr>");
                var c = 0;
                while (c < cells.Count)
                {
                    // Empty cells that continue the cell above become a rowspan in the row above on a real page; here
                    // a run of trailing empties after a label becomes a colspan, and leading empties stay as cells.
                    var span = 1;
                    while (cells[c].Trim().Length > 0 && c + span < cells.Count && cells[c + span].Length == 0 && c + span == cells.Count - 1)
                    {
                        span++;
                    }

                    body.Append(span > 1 ? $"<td colspan=\"{span}\">" : "<td>").Append(WebUtility.HtmlEncode(cells[c]).Replace("/", "/", StringComparison.Ordinal)).Append("</td>");
                    c += span;
                }

                body.Append("</tr>\n");
            }

            body.Append("</table>\n");
            rows.Clear();
        }
    }
}
