using System.CommandLine;
using PublishPipeline.Cli;
using PublishPipeline.Reading;

namespace PublishPipeline.Tests.Cli;

public sealed class TemplateCommandTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("pubpipe-template-");

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Writes_a_word_template_that_reads_back_as_that_template(string templateId)
    {
        var output = new FileInfo(Path.Combine(directory.FullName, $"template-{templateId}.docx"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = TemplateCommand.Run(templateId, output, stdout, stderr);

        Assert.Equal(0, code);
        Assert.Contains("已生成", stdout.ToString(), StringComparison.Ordinal);
        var result = new DraftReader().Read(output.Name, File.ReadAllBytes(output.FullName));
        Assert.Equal("docx", result.Format);
        Assert.Equal(templateId, result.Report!.Template);
    }

    [Fact]
    public void An_unknown_template_is_refused_with_exit_code_2()
    {
        using var stderr = new StringWriter();

        var code = TemplateCommand.Run("2018", new FileInfo(Path.Combine(directory.FullName, "x.docx")), TextWriter.Null, stderr);

        Assert.Equal(2, code);
        Assert.Contains("2019、2021", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.FullName, "x.docx")));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new RootCommand { TemplateCommand.Create() }.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("请指定 --template 2019|2021", "--out", "x.docx")]
    [InlineData("使用 --agency 时须用 --year", "--agency", "lanxi-wenlvj", "--out", "x.docx")]
    [InlineData("--template 与 --agency 只能指定一个", "--agency", "lanxi-wenlvj", "--year", "2021", "--template", "2021", "--out", "x.docx")]
    [InlineData("须与 --agency 一起使用", "--template", "2021", "--year", "2021", "--out", "x.docx")]
    [InlineData("--year 2018：2018 年度早于现行年度报告格式", "--agency", "lanxi-wenlvj", "--year", "2018", "--out", "x.docx")]
    [InlineData("2099 年度尚未开始", "--agency", "lanxi-wenlvj", "--year", "2099", "--out", "x.docx")]
    [InlineData("不是有效的机关编号", "--agency", "Lanxi Wenlvj", "--year", "2021", "--out", "x.docx")]
    public async Task Options_that_do_not_go_together_are_refused_before_storage_is_reached(string message, params string[] args)
    {
        // Storage that does not exist: a refusal that reached it would say so instead.
        var (code, output, error) = await RunAsync(["template", .. args.Select(a => a == "x.docx" ? Path.Combine(directory.FullName, a) : a), .. args.Contains("--agency") ? new[] { "--connection", Unreachable } : []]);

        Assert.Equal((2, ""), (code, output));
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.FullName, "x.docx")));
    }

    [Fact]
    public async Task Unreachable_storage_is_named_and_nothing_is_written()
    {
        var file = Path.Combine(directory.FullName, "x.docx");

        var (code, output, error) = await RunAsync("template", "--agency", "lanxi-wenlvj", "--year", "2021", "--out", file, "--connection", Unreachable);

        Assert.Equal((1, ""), (code, output));
        Assert.StartsWith("无法读取机构名录或已公开的报告，未生成模板。无法连接存储", error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    /// <summary>Azurite's well-known account at a port nothing listens on.</summary>
    private const string Unreachable =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1";

    public void Dispose() => directory.Delete(recursive: true);
}
