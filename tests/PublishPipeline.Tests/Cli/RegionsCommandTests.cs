using System.CommandLine;
using System.Text.Json;
using PublishPipeline.Cli.Regions;
using PublishPipeline.Submissions;

namespace PublishPipeline.Tests.Cli;

/// <summary>
/// <c>pubpipe regions</c> in-process through its parser, with no storage: <c>--dry-run</c> checks a file and writes
/// nothing and lists each error at its line and column; the listing shows untrusted text as text.
/// </summary>
public sealed class RegionsCommandTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("pubpipe-regions-");

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { RegionsCommand.Create() };
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Dry_run_checks_the_sample_regions_and_reaches_no_storage()
    {
        var (code, output, error) = await Run("regions", "import", Corpus.Sample("regions.csv"), "--dry-run", "--table-endpoint", "https://nowhere.invalid");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("regions.csv：校验通过，共 2 个地区。", output, StringComparison.Ordinal);
        Assert.Contains("--dry-run：未写入。", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_lists_each_error_by_line_and_column_and_exits_2()
    {
        var file = Path.Combine(directory.FullName, "bad.csv");
        await File.WriteAllTextAsync(file, "id,name,region,office,supervisors\n"
            + "lanxi,兰溪市,浙江省/金华市/兰溪市,兰溪市政务公开办,li@lanxi.example\n"
            + "Lanxi!,义乌市,浙江省/金华市/义乌市,义乌市政务公开办,not-an-email\n");

        var (code, output, error) = await Run("regions", "import", file, "--dry-run");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        var lines = error.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("督导地区名录 bad.csv 有 2 处错误，未写入任何地区：", lines[0]);
        Assert.StartsWith("  第 3 行第 1 列（id）：", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("  第 3 行第 5 列（supervisors）：", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_error()
    {
        var (code, _, error) = await Run("regions", "import", Path.Combine(directory.FullName, "none.csv"), "--dry-run");

        Assert.Equal(2, code);
        Assert.StartsWith("无法读取文件：", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_listing_shows_names_as_text_and_json_for_scripts()
    {
        var regions = new[]
        {
            new SupervisedRegion { RowKey = "lanxi", Name = "[red]兰溪市[/]", Region = "浙江省/金华市/兰溪市", Office = "政务公开办", Supervisors = "a@x.example;b@x.example" },
        };

        using var table = new StringWriter();
        RegionsListCommand.Write(regions, json: false, table);
        Assert.Contains("[red]兰溪市[/]", table.ToString(), StringComparison.Ordinal);
        Assert.Contains("共 1 个地区。", table.ToString(), StringComparison.Ordinal);

        using var json = new StringWriter();
        RegionsListCommand.Write(regions, json: true, json);
        var entry = JsonDocument.Parse(json.ToString()).RootElement[0];
        Assert.Equal("lanxi", entry.GetProperty("id").GetString());
        Assert.Equal(["a@x.example", "b@x.example"], entry.GetProperty("supervisors").EnumerateArray().Select(e => e.GetString()));
    }

    public void Dispose() => directory.Delete(recursive: true);
}
