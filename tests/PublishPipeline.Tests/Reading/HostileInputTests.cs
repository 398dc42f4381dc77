using System.Text;
using PublishPipeline.Checking;
using PublishPipeline.Reading;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Reading;

/// <summary>
/// Inputs meant to break the reader. Each ends as exit code 2 with a Chinese message, never an exception; memory is
/// bounded (allocation deltas), never timed.
/// </summary>
public class HostileInputTests
{
    private static (DraftCheck Check, long Allocated) Check(string name, byte[] bytes, DraftReaderOptions? options = null)
    {
        var checker = new DraftChecker(new DraftReader(options ?? new DraftReaderOptions()), new PublishPipeline.Validation.ReportValidator());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var check = checker.Check(name, bytes);
        return (check, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void AssertRefused(DraftCheck check, string rule, string message)
    {
        Assert.Equal(DraftCheck.UnreadableCode, check.ExitCode);
        var finding = Assert.Single(check.Document.Findings, f => f.Severity == Severity.Error);
        Assert.Equal(rule, finding.Rule);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file()
    {
        AssertRefused(Check("draft.txt", []).Check, "A0", "文件为空");
    }

    [Fact]
    public void Binary_file()
    {
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        AssertRefused(Check("draft.txt", bytes).Check, "A0", "无法识别的文件格式");
    }

    [Fact]
    public void Fifty_megabytes_of_text_is_refused_before_decoding()
    {
        var bytes = new byte[50 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)'a');

        var (check, allocated) = Check("draft.txt", bytes);

        AssertRefused(check, "A0", "文件超过 20 MB");
        Assert.True(allocated < 8 * 1024 * 1024, $"{allocated} bytes allocated for 50 MB"); // no copy, no decode
    }

    [Fact]
    public void Size_cap_is_an_option()
    {
        var bytes = new byte[2 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)'a');

        AssertRefused(Check("draft.txt", bytes, new DraftReaderOptions { MaxBytes = 1024 * 1024 }).Check, "A0", "文件超过 1 MB");
    }

    [Fact]
    public void Hundred_thousand_nested_divs_do_not_overflow_the_stack()
    {
        const int depth = 100_000;
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "2021年某局政府信息公开工作年度报告" + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";

        var (check, allocated) = Check("deep.html", Encoding.UTF8.GetBytes(html));

        AssertRefused(check, "A0", "页面结构过深");
        Assert.True(allocated < 512L * 1024 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Gbk_mislabeled_as_utf8_is_read_with_encoding_advice_as_info()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GBK").GetBytes(SeedFormsTests.SeedText);

        var check = Check("draft-utf8.txt", bytes).Check;

        Assert.NotEqual(DraftCheck.UnreadableCode, check.ExitCode);
        // Nothing in the report is wrong: the advice to save as UTF-8 is info, and the exit code stays clean.
        Assert.Contains(check.Document.Findings, f => f.Rule == "I1" && f.Severity == Severity.Info);
        Assert.DoesNotContain(check.Document.Findings, f => f.Rule == "I1" && f.Severity != Severity.Info);
        Assert.Equal(57m, check.Document.Report.Tables.Requests!["new"][6].Number);
    }

    [Fact]
    public void Mojibake_is_an_i1_error()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var garbled = Encoding.GetEncoding("GBK").GetString(Encoding.UTF8.GetBytes(SeedFormsTests.SeedText));

        AssertRefused(Check("draft.txt", Encoding.UTF8.GetBytes(garbled)).Check, "I1", "乱码");
    }

    [Fact]
    public void Ten_thousand_row_table_reads_in_linear_memory()
    {
        var text = new StringBuilder("2021年某局政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("其他事项").Append(i).Append(" | 1 | 2 | 3 | 4 | 5 | 6 | 21 |\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var (check, allocated) = Check("big.txt", bytes);

        Assert.NotNull(check.Document);
        Assert.True(allocated < 400L * bytes.Length, $"{allocated} bytes allocated for {bytes.Length} bytes of input");
    }

    [Fact]
    public void Nul_laden_text()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\0', Enumerable.Repeat("2021年某局政府信息公开工作年度报告", 50)) + "\0x");
        AssertRefused(Check("draft.txt", bytes).Check, "A0", "无法识别的文件格式");
    }

    [Fact]
    public void Html_page_that_is_not_a_report()
    {
        const string html = "<!doctype html><html><head><title>首页</title><script>alert(1)</script></head><body><nav>首页 新闻</nav><p>欢迎访问本网站。</p><table><tr><td>天气</td><td>晴</td></tr></table></body></html>";
        AssertRefused(Check("index.html", Encoding.UTF8.GetBytes(html)).Check, "A0", "不是政府信息公开工作年度报告");
    }
}
