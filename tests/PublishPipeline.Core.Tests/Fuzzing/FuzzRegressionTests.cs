using System.Text;
using System.Text.RegularExpressions;
using PublishPipeline.Checking;
using PublishPipeline.Fuzzing;
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

    [Fact]
    public void Table_cells_too_long_for_decimal_are_text_for_C2_not_an_overflow_in_the_sums()
    {
        // Found when reading the AFL++ JSON crash's neighbourhood: a count of 29 digits parsed as decimal.MaxValue, and
        // the first sum over a table row (RequestsResultSumRule) threw OverflowException.
        const string huge = "79228162514264337593543950335";
        var text = Regex.Replace(File.ReadAllText(Corpus.File(Corpus.SeedName)), @"^\t\d+[ \t]*$", "\t" + huge, RegexOptions.Multiline);
        Assert.Contains(huge, text, StringComparison.Ordinal);

        var check = Checker.Check("draft.txt", Encoding.UTF8.GetBytes(text));

        Assert.Equal(DraftCheck.HasErrorsCode, check.ExitCode);
        Assert.Contains(check.Document.Findings, f => f.Rule == "C2" && f.Message.Contains($"“{huge}”", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("99999999999999999999999999999件")]
    [InlineData("增99999999999999999999999999999")]
    [InlineData("99999999999999999999999999999（其中修订16件）")]
    public void A_text_cell_holding_a_number_too_long_for_decimal_gets_the_plain_C2_advice(string cell)
    {
        // C2's advice parsed the number out of "…件" with decimal.Parse: OverflowException.
        var text = Regex.Replace(File.ReadAllText(Corpus.File(Corpus.SeedName)), @"^\t\d+[ \t]*$", "\t" + cell, RegexOptions.Multiline);

        var check = Checker.Check("draft.txt", Encoding.UTF8.GetBytes(text));

        Assert.Contains(check.Document.Findings, f => f.Rule == "C2" && f.Message.Contains($"“{cell}”", StringComparison.Ordinal) && f.Message.Contains("请改为数字", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("本年度收取信息处理费99999999999999999999999999999元。")]
    [InlineData("本年度收取信息处理费7922816251426433759354395033万元。")]
    [InlineData("本年度予以公开5件(99999999999999999999999999999%)。")]
    public void Narrative_numbers_too_long_for_decimal_state_nothing(string sentence)
    {
        // The narrative rules parsed fees and percentages with decimal.Parse (and multiplied 万元 by 10,000).
        var text = File.ReadAllText(Corpus.File(Corpus.SeedName)) + "\n" + sentence + "\n";

        var check = Checker.Check("draft.txt", Encoding.UTF8.GetBytes(text));

        Assert.NotEqual(DraftCheck.UnreadableCode, check.ExitCode);
    }

    [Theory]
    [InlineData("\"new\":[", "\"new\":[79228162514264337593543950335,", "report.tables.requests.new[0] 的数值")]
    [InlineData("\"tables\":{", "\"period\":{\"from\":\"x\",\"to\":\"2020-12-31\"},\"tables\":{", "report.period.from 的值“x”")]
    [InlineData("\"tables\":{", "\"published_on\":\"2021\",\"tables\":{", "report.published_on 的值“2021”")]
    public void Json_numbers_and_dates_no_text_reader_would_give_are_refused_with_their_path(string from, string to, string location)
    {
        // The same overflow through the JSON reader, a period the year rules cut the first four characters from (found by
        // AFL++: "2J21-01-01" threw FormatException, "x" ArgumentOutOfRangeException), and a date unlike any reader's. The
        // edits go just before "tables", after the report's own period and date: the last of a repeated key wins.
        var json = CorpusJson(j => ReplaceFirst(j, from, to));

        AssertRefused(json, location);
    }

    [Fact]
    public void A_long_label_text_in_a_crawled_page_costs_allocation_in_proportion_to_its_length()
    {
        // The mutator (FUZZ_SEED=7, iteration 20918): "（一）" pasted 3,760 times into a crawled page's table text made
        // 41 KB allocate 413 MB, and twice as many 1.7 GB, because every suffix of a label text was copied to look for
        // the row label. A 20 MB upload of it would never have finished.
        var page = File.ReadAllText(Corpus.File("forms/2025-pingtan-gwh-crawltxt.txt"));
        var table = page.IndexOf("第二十条", StringComparison.Ordinal);
        Assert.True(table > 0);
        var bytes = Encoding.UTF8.GetBytes(page.Insert(table + 200, string.Concat(Enumerable.Repeat("（一）", 7520))));
        Checker.Check("draft.txt", Encoding.UTF8.GetBytes(page));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var check = Checker.Check("draft.txt", bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.NotEqual(DraftCheck.UnreadableCode, check.ExitCode);
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated / 1024 / 1024} MB allocated for {bytes.Length / 1024} KB");
    }

    [Fact]
    public void White_space_inside_a_group_label_of_a_crawled_table_reads_the_same_rows()
    {
        // The mutator (FUZZ_SEED=11, iteration 3033): a tab inside "（三）不予公开" of a crawled page's table 三. The group
        // was matched with white space folded away, then looked up as printed, and cutting at -1 threw.
        var page = File.ReadAllText(Corpus.File("forms/2025-pingtan-gwh-crawltxt.txt"));
        var group = page.IndexOf("（三）不予公开", StringComparison.Ordinal);
        Assert.True(group > 0);
        var plain = Checker.Check("draft.txt", Encoding.UTF8.GetBytes(page));

        var check = Checker.Check("draft.txt", Encoding.UTF8.GetBytes(page.Insert(group + "（三）不予".Length, "\t")));

        var requests = check.Document.Report.Tables.Requests;
        Assert.NotNull(requests);
        Assert.Equal(plain.Document.Report.Tables.Requests!.Keys.Order(), requests.Keys.Order());
        Assert.All(requests, row => Assert.Equal(plain.Document.Report.Tables.Requests[row.Key], row.Value));
    }

    [Fact]
    public void A_run_of_thousands_of_digits_in_a_crawled_table_is_left_unread_without_searching_it_for_minutes()
    {
        // The mutator (FUZZ_SEED=17, iteration 80477): 56,000 digits glued to table 四's run in a crawled page. The split
        // search was bounded in steps, but each step scanned the run to its end: over two minutes for 121 KB.
        var page = File.ReadAllText(Corpus.File("forms/2025-pingtan-gwh-crawltxt.txt"));
        var review = page.IndexOf("尚未审结总计", page.IndexOf("四、政府信息公开行政复议", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(review > 0);
        var bytes = Encoding.UTF8.GetBytes(page.Insert(review + "尚未审结总计".Length, string.Concat(Enumerable.Repeat("9999999999999999999999", 2576))));

        Assert.Null(ReaderFuzzTests.Probe(Checker, "text", bytes, out _));
    }

    [Fact]
    public void A_page_of_many_sibling_paragraphs_is_read_in_one_pass_over_them()
    {
        // The mutator (FUZZ_SEED=13 and 19): 300 KB pages of thousands of sibling <p> and <br> took 40 s, the search for
        // the report's tables and headings indexing AngleSharp's live Children collection once per child.
        var html = FuzzSeeds.Html(File.ReadAllText(Corpus.File(Corpus.SeedName)));
        var body = html.IndexOf("<div class=\"article\">", StringComparison.Ordinal);
        Assert.True(body > 0);
        var bytes = Encoding.UTF8.GetBytes(html.Insert(body, string.Concat(Enumerable.Repeat("<p><b><i><u>附件</u></i></b></p>", 40_000))));

        Assert.Null(ReaderFuzzTests.Probe(Checker, "html", bytes, out _));
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not in the corpus JSON");
        return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }
}
