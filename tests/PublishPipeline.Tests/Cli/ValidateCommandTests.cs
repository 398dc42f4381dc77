using System.Text.Json;
using PublishPipeline.Cli;

namespace PublishPipeline.Tests.Cli;

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>Runs the real command line; Console is process-wide, so these tests do not run in parallel.</summary>
[Collection(nameof(ConsoleCollection))]
public class ValidateCommandTests
{
    internal static async Task<(int ExitCode, string Out, string Error)> Run(params string[] args)
    {
        var (oldOut, oldError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await PubpipeCommand.RunAsync(args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    [Fact]
    public async Task Validate_seed_as_json()
    {
        var (code, output, _) = await Run("validate", Corpus.File(Corpus.SeedName), "--json");

        using var json = JsonDocument.Parse(output);
        var report = json.RootElement.GetProperty("report");
        Assert.Equal("2019", report.GetProperty("template").GetString());
        Assert.Equal(2020, report.GetProperty("year").GetInt32());
        Assert.Equal([49, 8, 0, 0, 0, 0, 57], report.GetProperty("tables").GetProperty("requests").GetProperty("new").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("gov-disclosure-annual-report/1", json.RootElement.GetProperty("schema").GetString());

        // The seed's "/" (2019 本年增/减) and "0万元" (采购总金额, no unit printed) are info and a warning: exit 0.
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Validate_clean_sample_exits_0_with_a_chinese_summary()
    {
        var (code, output, _) = await Run("validate", Corpus.Sample("2020-lanxi-wenlvj.txt"));

        Assert.Equal(0, code);
        Assert.Contains("标题：2020年兰溪市文化和旅游局政府信息公开工作年度报告", output, StringComparison.Ordinal);
        Assert.Contains("错误 0 条、警告 0 条", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_sample_with_an_error_groups_findings_by_table()
    {
        var (code, output, _) = await Run("validate", Corpus.Sample("2021-qingshan-jiedao.txt"));

        Assert.Equal(1, code);
        Assert.Contains("【表三】", output, StringComparison.Ordinal);
        Assert.Contains("D1 表三「四、结转下年度继续办理」行「总计」列", output, StringComparison.Ordinal);
        Assert.Contains("错误 2 条", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Previous_year_report_runs_the_cross_year_rules_and_json_stays_pure()
    {
        // Last year's report built from the seed: year 2019, nothing carried over, so this year's 上年结转 1 breaks G1.
        var previous = new PublishPipeline.Reading.DraftReader().Read(Corpus.SeedName, Corpus.Bytes(Corpus.SeedName)).Report!;
        previous.Year = 2019;
        previous.Tables.Requests!["carried_out"] = Enumerable.Repeat(PublishPipeline.Reports.CellValue.Of(0), 7).ToList();
        var path = Path.Combine(Path.GetTempPath(), "previous-" + Guid.NewGuid() + ".json");
        await File.WriteAllTextAsync(path, PublishPipeline.Reports.ReportJson.Serialize(new PublishPipeline.Reports.ReportDocument { Report = previous }));
        try
        {
            var (code, output, _) = await Run("validate", Corpus.File(Corpus.SeedName), "--previous", path, "--json");

            using var json = JsonDocument.Parse(output);
            var g1 = json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == "G1").ToList();
            Assert.Equal(["natural", "total"], g1.Select(f => f.GetProperty("location").GetProperty("column").GetString()));
            Assert.Equal(1, code);

            var (_, text, _) = await Run("validate", Corpus.File(Corpus.SeedName), "--previous", path);
            Assert.Contains("【表三】", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
            Assert.DoesNotContain("[", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Without_previous_the_cross_year_group_says_it_was_not_checked()
    {
        var (code, output, _) = await Run("validate", Corpus.File(Corpus.SeedName));

        Assert.Equal(0, code);
        Assert.Contains("【正文】", output, StringComparison.Ordinal);
        Assert.Contains("[提示] G1 未检查：缺少上一年度报告，跨年度核对（G1–G4）未进行", output, StringComparison.Ordinal);
        Assert.Contains("[警告] F2 正文「一、总体情况」“2020年度富阳区本级收到57件，答复45件", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Max_per_rule_caps_findings_and_lists_the_rule_as_partial()
    {
        var (code, output, _) = await Run("validate", Corpus.File(Corpus.SeedName), "--json", "--max-per-rule", "2");

        using var json = JsonDocument.Parse(output);
        var e5 = json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == "E5").ToList();
        Assert.Equal(2, e5.Count);
        Assert.Equal(3, e5[^1].GetProperty("omitted").GetInt32());
        Assert.Equal(["E5"], json.RootElement.GetProperty("summary").GetProperty("partial_rules").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Unreadable_previous_report_exits_2()
    {
        var (code, _, error) = await Run("validate", Corpus.File(Corpus.SeedName), "--previous", Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid() + ".txt"));

        Assert.Equal(2, code);
        Assert.Contains("找不到文件", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_exits_2_with_a_message_on_stderr()
    {
        var (code, output, error) = await Run("validate", Path.Combine(Path.GetTempPath(), "no-such-draft-" + Guid.NewGuid() + ".txt"));

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("找不到文件", error, StringComparison.Ordinal);
    }
}
