using System.Net;
using System.Text;
using PublishPipeline.Checking;
using PublishPipeline.Documents;
using PublishPipeline.Reports;

namespace PublishPipeline.Fuzzing;

/// <summary>
/// The inputs fuzzing starts from, one set per reader: the corpus's texts and crawled forms as text, the same texts as a
/// portal's HTML page, as the JSON contract and as our own Word files (written by <see cref="ReportTemplateDocument"/>
/// from what the text reader found), plus the corpus's Word template and PDF. Built at run time from ../shared so no
/// report text is ever copied into the repository. Shared by the mutator tests and the AFL++ harness.
/// </summary>
public static class FuzzSeeds
{
    public static readonly IReadOnlyList<string> Targets = ["text", "html", "json", "docx", "pdf"];

    /// <summary>The file name each target's inputs are read under: the extension is what picks the reader.</summary>
    public static string FileName(string target) => target switch
    {
        "text" => "draft.txt",
        "html" => "draft.html",
        "json" => "draft.json",
        "docx" => "draft.docx",
        "pdf" => "draft.pdf",
        _ => throw new ArgumentException($"unknown fuzz target '{target}' (one of {string.Join(", ", Targets)})", nameof(target)),
    };

    /// <summary>
    /// Seeds of <paramref name="target"/> from the corpus directory. <paramref name="maxTexts"/> caps how many corpus
    /// texts are used, smallest first, besides the smallest crawled page (AFL++ wants a few small seeds; the mutator
    /// tests take more).
    /// </summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> For(string target, string corpusDirectory, int maxTexts = int.MaxValue)
    {
        var all = CorpusTexts(corpusDirectory).ToList();
        // The smallest crawled page too: its flattened tables take a reader path of their own (Reading/Flattened).
        var texts = all.Take(maxTexts).Union(all.Where(t => t.Name.Contains("crawl", StringComparison.Ordinal)).Take(1)).ToList();
        var seeds = new List<(string, byte[])>();
        var checker = new DraftChecker();
        switch (target)
        {
            case "text":
                seeds.AddRange(texts.Select(t => (t.Name, Encoding.UTF8.GetBytes(t.Text))));
                break;
            case "html":
                seeds.AddRange(texts.Select(t => (Path.ChangeExtension(t.Name, ".html"), Encoding.UTF8.GetBytes(Html(t.Text)))));
                break;
            case "json":
                foreach (var (name, text) in texts)
                {
                    var check = checker.Check(name, Encoding.UTF8.GetBytes(text));
                    seeds.Add((Path.ChangeExtension(name, ".json"), ReportJson.SerializeToUtf8(check.Document, indented: false)));
                }

                break;
            case "docx":
                seeds.Add(("template-2021.docx", ReportTemplateDocument.Create(TemplateCatalog.Template2021)));
                seeds.Add(("template-2019.docx", ReportTemplateDocument.Create(TemplateCatalog.Template2019)));
                foreach (var (name, text) in texts)
                {
                    var check = checker.Check(name, Encoding.UTF8.GetBytes(text));
                    if (check.Document.Report is { } report && (report.Year is { } year ? TemplateCatalog.ForYear(year) : TemplateCatalog.Template2021) is { } template)
                    {
                        seeds.Add((Path.ChangeExtension(name, ".docx"), ReportTemplateDocument.Create(template, report)));
                    }
                }

                seeds.AddRange(Files(corpusDirectory, "*.docx"));
                break;
            case "pdf":
                seeds.AddRange(Files(corpusDirectory, "*.pdf"));
                break;
            default:
                FileName(target);
                break;
        }

        if (seeds.Count == 0)
        {
            throw new InvalidOperationException($"no {target} seeds found under {corpusDirectory}");
        }

        return seeds;
    }

    /// <summary>The corpus's texts, smallest first (fuzzers do better from small seeds), crawled forms included.</summary>
    public static IEnumerable<(string Name, string Text)> CorpusTexts(string corpusDirectory) =>
        Directory.EnumerateFiles(corpusDirectory, "*.txt", SearchOption.AllDirectories)
            .Select(path => new FileInfo(path))
            .OrderBy(file => file.Length).ThenBy(file => file.Name, StringComparer.Ordinal)
            .Select(file => (file.Name, File.ReadAllText(file.FullName)));

    private static IEnumerable<(string, byte[])> Files(string corpusDirectory, string pattern) =>
        Directory.EnumerateFiles(corpusDirectory, pattern, SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)));

    /// <summary>The text as a portal page: "|" rows become a table, other lines paragraphs, inside site chrome.</summary>
    public static string Html(string text)
    {
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body><nav><a href=\"/\">首页</a></nav><div class=\"article\">");
        var inTable = false;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Contains('|', StringComparison.Ordinal))
            {
                html.Append(inTable ? "" : "<table>").Append("<tr>");
                foreach (var cell in trimmed.Trim('|').Split('|'))
                {
                    html.Append("<td>").Append(WebUtility.HtmlEncode(cell.Trim())).Append("</td>");
                }

                html.Append("</tr>");
                inTable = true;
                continue;
            }

            if (inTable)
            {
                html.Append("</table>");
                inTable = false;
            }

            if (trimmed.Length > 0)
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(trimmed)).Append("</p>");
            }
        }

        html.Append(inTable ? "</table>" : "").Append("</div><footer>版权所有</footer></body></html>");
        return html.ToString();
    }
}
