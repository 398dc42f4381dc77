using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using PublishPipeline.Checking;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Benchmarks;

/// <summary>
/// Targets (issue 3): read a text draft ≤ 1 ms, a .docx ≤ 5 ms, validate ≤ 100 µs; (issue 10) a seed-size PDF ≤ 50 ms.
/// The seed and the real 5-page WPS PDF (forms/2024-huaian-hongze-qzf-pdf.pdf) come from the shared corpus
/// (../shared/corpus beside the repository).
/// </summary>
[MemoryDiagnoser]
public class ReadingBenchmarks
{
    private readonly DraftReader reader = new();
    private readonly ReportValidator validator = new();
    private readonly DraftChecker checker = new();
    private byte[] seedText = [];
    private byte[] seedHtml = [];
    private byte[] seedDocx = [];
    private byte[] huaianPdf = [];
    private Report seedReport = new();

    [GlobalSetup]
    public void Setup()
    {
        var text = File.ReadAllText(SeedFiles.SeedPath());
        seedText = Encoding.UTF8.GetBytes(text);
        seedHtml = Encoding.UTF8.GetBytes(SeedPage(text));
        seedReport = reader.Read("seed.txt", seedText).Report ?? throw new InvalidOperationException("the seed did not read");
        if (reader.Read("seed.html", seedHtml).Report?.Tables.Requests is null)
        {
            throw new InvalidOperationException("the seed page did not read");
        }

        // The seed as the Word document an agency fills in: the official template with the seed's text and cells.
        seedDocx = Documents.ReportTemplateDocument.Create(TemplateCatalog.Get(seedReport.Template!), seedReport);
        if (reader.Read("seed.docx", seedDocx).Report?.Tables.Requests is null)
        {
            throw new InvalidOperationException("the seed as Word did not read");
        }

        huaianPdf = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(SeedFiles.SeedPath())!, "forms", "2024-huaian-hongze-qzf-pdf.pdf"));
        if (reader.Read("hzq2024.pdf", huaianPdf).Report?.Tables.Requests is null)
        {
            throw new InvalidOperationException("the real PDF did not read");
        }
    }

    [Benchmark]
    public ReadResult ReadSeedText() => reader.Read("seed.txt", seedText);

    [Benchmark]
    public ReadResult ReadSeedHtml() => reader.Read("seed.html", seedHtml);

    [Benchmark]
    public IReadOnlyList<Finding> ValidateSeed() => validator.Validate(seedReport);

    [Benchmark]
    public DraftCheck CheckSeedEndToEnd() => checker.Check("seed.txt", seedText);

    [Benchmark]
    public ReadResult ReadSeedDocx() => reader.Read("seed.docx", seedDocx);

    /// <summary>A real report exported by WPS: 5 pages, ~2,300 characters, tables 二–四 (seed size).</summary>
    [Benchmark]
    public ReadResult ReadPdf() => reader.Read("hzq2024.pdf", huaianPdf);

    /// <summary>The seed as a portal page: narrative paragraphs and each TAB table as &lt;table&gt;, inside site chrome.</summary>
    private static string SeedPage(string seed)
    {
        var body = new StringBuilder();
        var table = new StringBuilder();
        var row = new List<string>();
        foreach (var raw in seed.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.StartsWith('\t'))
            {
                row.Add(raw[1..]);
                continue;
            }

            if (row.Count > 0)
            {
                table.Append("<tr>").AppendJoin("", row.Select(c => "<td>" + WebUtility.HtmlEncode(c) + "</td>")).Append("</tr>\n");
                row.Clear();
            }

            if (raw.Trim().Length == 0)
            {
                continue;
            }

            if (raw.Trim().Length <= 10 && table.Length > 0)
            {
                continue; // a wrapped cell fragment; the benchmark does not need it
            }

            if (table.Length > 0)
            {
                body.Append("<table>").Append(table).Append("</table>\n");
                table.Clear();
            }

            body.Append("<p>").Append(WebUtility.HtmlEncode(raw.Trim())).Append("</p>\n");
        }

        return "<!DOCTYPE html><html><head><title>年报</title><script>var x=1;</script></head><body><header>网站首页</header><nav>导航</nav><div class=\"content\">"
            + body + "</div><footer>版权所有</footer></body></html>";
    }
}
