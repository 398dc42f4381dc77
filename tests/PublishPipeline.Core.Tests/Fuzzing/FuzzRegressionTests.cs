using System.Text;
using PublishPipeline.Checking;
using PublishPipeline.Reading;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Fuzzing;

/// <summary>
/// Every crash the fuzzers found (scripts/fuzz.sh with AFL++, <see cref="ReaderFuzzTests"/>), kept as the input that
/// crashed, built here in code (no report text in the repository), and now answered with the reading error.
/// </summary>
public class FuzzRegressionTests
{
    private static readonly DraftChecker Checker = new();

    /// <summary>A report from the corpus as the JSON contract, with <paramref name="edit"/> applied to its text.</summary>
    private static byte[] CorpusJson(Func<string, string> edit)
    {
        var document = new ReportDocument { Report = new TextReportReader().Read(File.ReadAllText(Corpus.File(Corpus.SeedName))) };
        var json = ReportJson.Serialize(document, indented: false);
        var edited = edit(json);
        Assert.NotEqual(json, edited);
        return Encoding.UTF8.GetBytes(edited);
    }

    private static void AssertRefused(byte[] json, string location)
    {
        var check = Checker.Check("draft.json", json);

        Assert.Equal(DraftCheck.UnreadableCode, check.ExitCode);
        var finding = Assert.Single(check.Document.Findings);
        Assert.Equal("A0", finding.Rule);
        Assert.StartsWith("JSON 不符合年度报告数据格式", finding.Message, StringComparison.Ordinal);
        Assert.Contains(location, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_with_a_table_item_no_template_has_is_refused_naming_it()
    {
        // AFL++ (json target, ~250,000 execs): one byte of "art20_1" changed; the cell rules looked the item up in the
        // templates and threw InvalidOperationException.
        var json = CorpusJson(j => j.Replace("\"art20_1\":", "\"art20e5\":", StringComparison.Ordinal));

        AssertRefused(json, "report.tables.proactive 中的“art20e5”");
    }

    [Theory]
    [InlineData("\"sections\":[", "\"sections\":null,\"x\":[", "report.sections 不能为 null")]
    [InlineData("\"sections\":[", "\"sections\":[null,", "report.sections[0] 不能为 null")]
    [InlineData("\"heading\":", "\"heading\":null,\"x\":", "report.sections[0].heading 不能为 null")]
    [InlineData("\"tables\":{", "\"tables\":null,\"x\":{", "report.tables 不能为 null")]
    [InlineData("\"rules\":[", "\"rules\":null,\"x\":[", "report.tables.proactive.art20_1.rules 不能为 null")]
    [InlineData("\"new\":[", "\"new\":null,\"x\":[", "report.tables.requests.new 不能为 null")]
    public void Json_with_null_where_every_reader_puts_a_value_is_refused_with_its_path(string from, string to, string location)
    {
        // Found by hand once the AFL++ crash above showed the JSON reader trusting the upload's shape: each threw
        // NullReferenceException in the rules, but the null heading, which passed into a report whose consumers (the
        // page, the index) take a heading for granted.
        var json = CorpusJson(j => ReplaceFirst(j, from, to));

        AssertRefused(json, location);
    }

    [Fact]
    public void Json_whose_report_is_null_is_refused_not_passed_as_clean()
    {
        // The checker skipped the rules for a null report and returned exit code 0: an empty draft that could publish.
        var json = """{"schema":"gov-disclosure-annual-report/1","report":null}"""u8.ToArray();

        AssertRefused(json, "缺少 report");
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not in the corpus JSON");
        return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }
}
