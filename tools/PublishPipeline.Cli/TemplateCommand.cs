using System.CommandLine;
using PublishPipeline.Documents;
using PublishPipeline.Reports;

namespace PublishPipeline.Cli;

/// <summary><c>pubpipe template --template 2019|2021 --out FILE.docx</c>: write the official layout as a Word document to fill in.</summary>
public static class TemplateCommand
{
    public static Command Create()
    {
        var template = new Option<string>("--template") { Description = "年度报告格式版本：2019（试行，2019–2020 年度）或 2021（2021 年度起）", Required = true };
        template.AcceptOnlyFromAmong([.. TemplateCatalog.All.Select(t => t.Id)]);
        var output = new Option<FileInfo>("--out") { Description = "输出的 Word 文件（.docx）", Required = true };
        var command = new Command("template", "生成可填写的年度报告 Word 模板（官方表格格式）") { template, output };
        command.SetAction(parseResult => Run(parseResult.GetValue(template)!, parseResult.GetValue(output)!, Console.Out, Console.Error));
        return command;
    }

    public static int Run(string templateId, FileInfo output, TextWriter stdout, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(error);
        if (TemplateCatalog.Find(templateId) is not { } template)
        {
            error.WriteLine($"没有“{templateId}”版的年度报告格式，可选：{string.Join("、", TemplateCatalog.All.Select(t => t.Id))}");
            return 2;
        }

        try
        {
            using (var stream = new FileStream(output.FullName, FileMode.Create, FileAccess.ReadWrite))
            {
                ReportTemplateDocument.Write(template, stream);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"无法写入文件：{output.FullName}（{ex.Message}）");
            return 2;
        }

        stdout.WriteLine($"已生成 {template.Name}（{template.IssuedBy}）模板：{output.FullName}");
        return 0;
    }
}
