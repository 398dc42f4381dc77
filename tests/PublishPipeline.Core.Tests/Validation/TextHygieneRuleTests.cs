using System.Text;
using PublishPipeline.Reports;
using static PublishPipeline.Tests.Validation.RuleFixtures;

namespace PublishPipeline.Tests.Validation;

public class TextHygieneRuleTests
{
    /// <summary>UTF-8 bytes read as GBK: what a wrongly decoded upload looks like, made here rather than copied.</summary>
    private static string AsGbkMojibake(string text) =>
        CodePagesEncodingProvider.Instance.GetEncoding(936)!.GetString(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void I1_fires_on_utf8_read_as_gbk_and_recovers_the_text()
    {
        var report = Consistent();
        report.Section("overview").Text += "\n" + AsGbkMojibake("政府信息公开工作");

        var finding = Assert.Single(Run(report, "I1"));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(Section("overview"), finding.Location);
        Assert.Contains("（原文应为“政府信息", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void I1_fires_on_replacement_characters_and_latin1_mojibake()
    {
        var report = Consistent();
        report.Section("other").Text += "\n信息\uFFFD\uFFFD费";
        report.Section("problems").Text += "\n" + Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("公开"));

        var findings = Run(report, "I1");

        Assert.Equal([Section("problems"), Section("other")], findings.Select(f => f.Location));
    }

    [Fact]
    public void I2_fires_on_spam_and_pinyin_annotations()
    {
        var report = Consistent();
        report.Section("overview").Text += "\n欧洲五大联赛最新赔率。";
        report.Preamble = "根据政(zheng)府(fu)信息公开条例。" + report.Preamble;

        var findings = Run(report, "I2");

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Location == Section("overview") && f.Message.Contains("“欧洲五大联赛”", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Location == Section("preamble") && f.Message.Contains("“政(zheng)”", StringComparison.Ordinal));
    }

    [Fact]
    public void I3_fires_once_on_traditional_text()
    {
        var report = Consistent();
        report.Section("overview").Text = "本街道認真貫徹《條例》，規範處理申請，總體情況良好。" + report.Section("overview").Text;

        var finding = Assert.Single(Run(report, "I3"));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(Section("overview"), finding.Location);
    }

    [Fact]
    public void I4_fires_on_page_markers_markdown_and_stacked_headers()
    {
        var report = Consistent();
        report.Section("overview").Text += "\n— 4 —\n| 项目 | 数量 |\n|---|---|";
        report.Section("review_litigation").Text = "结\n果\n维\n持";

        var findings = Run(report, "I4");

        Assert.Equal(3, findings.Count);
        Assert.Contains(findings, f => f.Message.Contains("页码标记", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("Markdown 表格线", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Location == Section("review_litigation") && f.Message.Contains("逐字竖排", StringComparison.Ordinal));
    }

    [Fact]
    public void I5_fires_on_masked_words()
    {
        var report = Consistent();
        report.Section("overview").Text += "\n全年主动***息120条。";

        var finding = Assert.Single(Run(report, "I5"));

        Assert.Contains("“动***息”", finding.Message, StringComparison.Ordinal);
    }
}
