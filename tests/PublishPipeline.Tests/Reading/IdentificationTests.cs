using System.Text;
using PublishPipeline.Checking;
using PublishPipeline.Reading;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Reading;

/// <summary>
/// Is this a current annual report (CHECKS.md A0, I6): old reports are told by their structure, not by one phrase;
/// a copy without a title is still a report; the blank template is not one.
/// </summary>
public class IdentificationTests
{
    private static ReadResult Read(string name, string text) => new DraftReader().Read(name, Encoding.UTF8.GetBytes(text));

    private static string CorpusText(string name) => File.ReadAllText(Corpus.File(name));

    [Theory]
    [InlineData("2015-mofcom-old.txt")]
    [InlineData("forms/2018-pingtan-gwh-old-crawltxt.txt")]
    public void Pre_2019_reports_are_a0_old_format(string name)
    {
        var result = Read(Path.GetFileName(name), CorpusText(name));

        Assert.True(result.Unreadable);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("A0", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Contains("旧格式", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_crawled_2018_report_is_old_by_several_signals()
    {
        var signals = OldFormat.Assess(CorpusText("forms/2018-pingtan-gwh-old-crawltxt.txt"));

        // One long crawled line: the parts come from the introduction's list and the inline "一、概述" headings.
        Assert.Superset(new HashSet<string> { "overview", "requests", "review", "statistics" }, signals.OldParts.ToHashSet());
        Assert.True(signals.OldTableLabels >= 2, signals.OldTableLabels.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(signals.CurrentParts);
    }

    [Fact]
    public void Only_the_introduction_list_of_old_parts_is_enough_with_the_decree()
    {
        const string text = "某县2017年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》（国务院第492号令）编制，由概述、主动公开政府信息的情况、"
            + "依申请公开政府信息和不予公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请提起行政复议和行政诉讼的情况、"
            + "政府信息公开工作存在的主要问题和改进措施等六个部分组成。\n";

        Assert.True(OldFormat.Matches(text));
    }

    public static TheoryData<string> CurrentReports()
    {
        var data = new TheoryData<string>();
        foreach (var name in Corpus.TextFiles().Where(n => n != "2015-mofcom-old.txt"))
        {
            data.Add(name);
        }

        foreach (var year in new[] { 2019, 2022, 2023, 2024, 2025 })
        {
            data.Add($"forms/{year}-pingtan-gwh-crawltxt.txt");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CurrentReports))]
    public void Current_reports_are_not_old(string name)
    {
        var signals = OldFormat.Assess(CorpusText(name));

        Assert.False(signals.IsOld, $"{name}: old {string.Join(",", signals.OldParts)}; current {string.Join(",", signals.CurrentParts)}; table {signals.OldTableLabels}; decree {signals.CitesOldDecree}");
    }

    [Fact]
    public void A_current_report_quoting_the_old_decree_and_an_old_part_is_read()
    {
        var seed = SeedFormsTests.SeedText;
        var intro = seed.IndexOf('\n', StringComparison.Ordinal) + 1;
        var quoting = seed[..intro]
            + "本机关自2008年起依照《中华人民共和国政府信息公开条例》（国务院第492号令）开展工作，往年报告设有“收费及减免”部分，现已按新格式编写。\n"
            + seed[intro..];

        var original = Read("seed.txt", seed);
        var result = Read("seed.txt", quoting);

        Assert.False(result.Unreadable, string.Join("；", result.Findings.Select(f => f.Message)));
        Assert.Equal(original.Report!.Tables.Requests!["new"].Select(c => c.Number), result.Report!.Tables.Requests!["new"].Select(c => c.Number));
    }

    [Fact]
    public void A_copy_without_its_title_is_read_and_a1_and_i2_are_reported()
    {
        // 2021-anhui-tjj: the standard introduction ("共有总体情况、主动公开…") and 一、总体情况; the title line cut off
        // and a spam line injected into the overview, as a hijacked mirror prints it.
        var lines = CorpusText("2021-anhui-tjj.txt").Split('\n').ToList();
        Assert.Contains("政府信息公开工作年度报告", lines[0], StringComparison.Ordinal);
        lines.RemoveAt(0);
        var overview = lines.FindIndex(l => l.StartsWith("一、总体情况", StringComparison.Ordinal));
        Assert.True(overview > 0);
        lines.Insert(overview + 1, "欢迎访问真人娱乐城，注册送彩金，欧洲杯投注首选。");
        var text = string.Join('\n', lines);

        var check = new DraftChecker().Check("copy.txt", Encoding.UTF8.GetBytes(text));

        Assert.NotEqual(DraftCheck.UnreadableCode, check.ExitCode);
        var findings = check.Document.Findings;
        Assert.DoesNotContain(findings, f => f.Rule == "A0");
        Assert.Contains(findings, f => f.Rule == "A1");
        Assert.Contains(findings, f => f.Rule == "I2" && f.Message.Contains("娱乐城", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_that_only_mentions_the_parts_is_not_a_report()
    {
        const string text = "关于报送年度报告的通知\n请各单位按照总体情况、主动公开政府信息情况等要求准备材料。\n";

        var result = Read("notice.txt", text);

        Assert.True(result.Unreadable);
        Assert.Equal("A0", Assert.Single(result.Findings).Rule);
    }

    [Fact]
    public void The_blank_template_gets_one_clear_message()
    {
        var check = new DraftChecker().Check("模板.docx", Corpus.Bytes("forms/2021-template-blank-docx.docx"));

        Assert.Equal(DraftCheck.UnreadableCode, check.ExitCode);
        var finding = Assert.Single(check.Document.Findings);
        Assert.Equal(("A0", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Contains("空白的年度报告格式模板", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023-qu-tjj-61150.txt")]
    [InlineData("nd-xuwen-sfj.txt")]
    public void A_real_report_with_blank_cells_is_not_the_template(string name)
    {
        var result = new DraftReader().Read(name, Corpus.Bytes(name));

        Assert.False(result.Unreadable, string.Join("；", result.Findings.Select(f => f.Message)));
        Assert.Contains(result.Report!.Tables.Requests!.Values.SelectMany(r => r), c => c.IsBlank);
    }
}
