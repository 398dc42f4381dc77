using System.Collections.Concurrent;
using System.Text;
using Xunit.Abstractions;

namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>
/// Issue 10, item 1: every corpus report, in every form it is republished in, reads to the same cells and the same
/// findings as the original (except the rules that name the form). One theory case per (form, report), so that each
/// failure is visible; the forms × reports table is printed and written to TestResults/forms-matrix.md.
/// </summary>
public class RepublishedFormsTests(ITestOutputHelper output)
{
    internal static readonly RepublishedForm[] Forms =
    [
        new MarkdownForm(),
        new MarkdownBoldForm(),
        new CentredGroupCellForm(),
        new DataJunkForm(),
        new StackedHeaderForm(),
        new BrokenCellForm(),
        new PageMarkerForm(),
        new HtmlExportForm(),
        new HalfWidthForm(),
        new FullWidthForm(),
        new TraditionalCharactersForm(),
        new TraditionalS2tForm(),
        new TraditionalTaiwanForm(),
        new BlankRowForm(),
        new TitleCutForm(),
    ];

    /// <summary>
    /// Pairs that cannot read the same, each with why: what the form genuinely loses. The test asserts that these still
    /// differ, so that an entry is removed once reading gets them right.
    /// </summary>
    internal static readonly Dictionary<(string Form, string Report), string> Unreadable = new()
    {
        [("title-cut", "2020-yuanling-eryouxiang.txt")] =
            "the year is printed only in the title (the period lost its 年/月 characters in the mirror), so without it H1 has no year to judge the publication date by",
        [("title-cut", "2022-wendeng-xfj-flipbook-p8.txt")] =
            "one flip-book page holding only table 四, which both templates share: the year, and so the template, is printed only in the title",
        [("title-cut", "2021-siping-simalu-jd.txt")] = TitleLessExcerpt,
        [("title-cut", "2021-yuhong-yingbinlu-jd.txt")] = TitleLessExcerpt,
    };

    // What the cut loses: the title is the only place these excerpts print their year as the reader takes it (the title,
    // the period "自…年…月…日起至…", or "N年度"); the introduction names the report with its year ("现公布…2021年政府信息
    // 公开工作年度报告", "现将2021年…报告如下"), which the reader does not take the year from (and a body sentence can name last year's
    // report the same way, "按时发布2020年政府信息公开工作年度报告"). With no year and no table there is no template,
    // so the 2021-format B6 is not checked, and A4 and H1 have no statistical year to judge the 发布日期 by.
    private const string TitleLessExcerpt =
        "the year is printed only in the title (no period, no \"N年度\"; the introduction's \"2021年…年度报告\" is not taken as the year): without it there is no template (B6 is a 2021-format rule) and no statistical year for A4 and H1 to judge the 发布日期 by";

    private static readonly ConcurrentDictionary<(string, string), FormOutcome> Outcomes = new();
    private static readonly ConcurrentDictionary<string, SourceReport> Sources = new();

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in Forms)
        {
            foreach (var report in Corpus.TextFiles())
            {
                data.Add(form.Name, report);
            }
        }

        return data;
    }

    internal static FormOutcome Outcome(string form, string report) =>
        Outcomes.GetOrAdd((form, report), key => FormComparison.Compare(
            Forms.Single(f => f.Name == key.Item1), Sources.GetOrAdd(key.Item2, SourceReport.Load)));

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Form_reads_like_the_original(string form, string report)
    {
        var outcome = Outcome(form, report);
        if (!outcome.Applicable)
        {
            output.WriteLine($"{form} does not apply to {report}: nothing in it for this form to change.");
            return;
        }

        if (Unreadable.TryGetValue((form, report), out var why))
        {
            output.WriteLine($"Known: {why}\n" + string.Join("\n", outcome.Differences));
            Assert.False(outcome.Passed, $"{form} × {report} now reads like the original: remove it from Unreadable.");
            return;
        }

        Assert.True(outcome.Passed, $"{form} × {report}:\n" + string.Join("\n", outcome.Differences));
    }

    [Fact]
    public void Forms_by_reports_table_is_written()
    {
        var reports = Corpus.TextFiles().ToList();
        var table = new StringBuilder("# Republished forms × corpus reports\n\n");
        table.Append("| form | pass | fail | known | n/a |\n|---|---|---|---|---|\n");
        var failures = new StringBuilder();
        var all = new List<FormOutcome>();
        foreach (var form in Forms)
        {
            var outcomes = reports.Select(r => Outcome(form.Name, r)).ToList();
            all.AddRange(outcomes);
            var known = outcomes.Count(o => o.Applicable && !o.Passed && Unreadable.ContainsKey((o.Form, o.Report)));
            var failed = outcomes.Count(o => o.Applicable && !o.Passed) - known;
            table.Append($"| {form.Name} | {outcomes.Count(o => o.Passed)} | {failed} | {known} | {outcomes.Count(o => !o.Applicable)} |\n");
            foreach (var o in outcomes.Where(o => o.Applicable && !o.Passed))
            {
                var why = Unreadable.TryGetValue((o.Form, o.Report), out var reason) ? $" — known: {reason}" : "";
                failures.Append($"- **{o.Form} × {o.Report}**{why}: {string.Join("; ", o.Differences.Take(8))}{(o.Differences.Count > 8 ? $"; … ({o.Differences.Count} in all)" : "")}\n");
            }
        }

        table.Append($"\n{all.Count(o => o.Passed)} of {all.Count(o => o.Applicable)} applicable pairs pass ({Forms.Length} forms × {reports.Count} reports).\n");
        if (failures.Length > 0)
        {
            table.Append("\n## What differs\n\n").Append(failures);
        }

        var text = table.ToString();
        output.WriteLine(text);
        var directory = Path.Combine(Corpus.RepoRoot, "tests", "PublishPipeline.Tests", "TestResults");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "forms-matrix.md");
        File.WriteAllText(path, text);

        Assert.Equal(Forms.Length * reports.Count, all.Count);
        Assert.Equal(text, File.ReadAllText(path));
    }
}
