using System.CommandLine;
using PublishPipeline.Cli.Site;
using PublishPipeline.Reports;
using PublishPipeline.Site;

namespace PublishPipeline.Tests.Cli;

/// <summary><c>pubpipe site build</c> run in-process through its parser, without search (Pagefind is the open-data helper's).</summary>
public sealed class SiteBuildCommandTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("pubpipe-site-");

    public void Dispose() => directory.Delete(recursive: true);

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { SiteCommand.Create() };
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private string Input()
    {
        var input = Path.Combine(directory.FullName, "in");
        Directory.CreateDirectory(Path.Combine(input, "2021"));
        File.WriteAllBytes(Path.Combine(input, "2021", "qingshan-jd.json"), ReportJson.SerializeToUtf8(TestReports.Full("2021")));
        File.Copy(Corpus.Sample("2021-qingshan-jiedao.txt"), Path.Combine(input, "2021-qingshan-jiedao.txt"));
        return input;
    }

    [Fact]
    public async Task Builds_the_site_and_says_what_it_left_out()
    {
        var output = Path.Combine(directory.FullName, "out");
        var (code, stdout, stderr) = await Run("site", "build", "--input", Input(), "--out", output, "--no-search", "--base-url", "https://example.gov.cn/");

        Assert.Equal(0, code);
        var leftOut = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("略去 2021-qingshan-jiedao.txt：有 2 处错误：D1", leftOut, StringComparison.Ordinal);
        Assert.Contains("已生成 1 份报告", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, SitePaths.ReportPage(2021, "qingshan-jd"))));
        Assert.Contains("https://example.gov.cn/sitemap.xml", File.ReadAllText(Path.Combine(output, SitePaths.Robots)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "pagefind")));
    }

    [Theory]
    [InlineData("--jobs", "0")]
    [InlineData("--base-url", "ftp://example.gov.cn/")]
    [InlineData("--agencies", "missing.csv")]
    public async Task A_bad_option_is_exit_1_and_builds_nothing(string option, string value)
    {
        var output = Path.Combine(directory.FullName, "out");
        var (code, _, stderr) = await Run("site", "build", "--input", Input(), "--out", output, "--no-search", option, value);
        Assert.Equal(SiteBuildCommand.BadInputCode, code);
        Assert.NotEmpty(stderr);
        Assert.False(File.Exists(Path.Combine(output, SitePaths.Home)));
    }

    [Fact]
    public async Task A_missing_input_folder_is_exit_1()
    {
        var (code, _, stderr) = await Run("site", "build", "--input", Path.Combine(directory.FullName, "nowhere"), "--out", Path.Combine(directory.FullName, "out"));
        Assert.Equal(SiteBuildCommand.BadInputCode, code);
        Assert.Contains("输入目录不存在", stderr, StringComparison.Ordinal);
    }
}
