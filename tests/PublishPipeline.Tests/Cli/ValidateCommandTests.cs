using System.Text.Json;
using PublishPipeline.Cli;

namespace PublishPipeline.Tests.Cli;

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>Runs the real command line; Console is process-wide, so these tests do not run in parallel.</summary>
[Collection(nameof(ConsoleCollection))]
public class ValidateCommandTests
{
    private static async Task<(int ExitCode, string Out, string Error)> Run(params string[] args)
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
    public async Task Missing_file_exits_2_with_a_message_on_stderr()
    {
        var (code, output, error) = await Run("validate", Path.Combine(Path.GetTempPath(), "no-such-draft-" + Guid.NewGuid() + ".txt"));

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("找不到文件", error, StringComparison.Ordinal);
    }
}
