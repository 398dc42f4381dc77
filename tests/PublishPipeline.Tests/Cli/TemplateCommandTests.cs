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

    public void Dispose() => directory.Delete(recursive: true);
}
