using System.CommandLine;
using System.Text;
using PublishPipeline.Pipeline;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Cli;

/// <summary><c>pubpipe validate FILE [--json]</c>: check one draft; exit 0 clean, 1 errors, 2 unreadable.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "年度报告草稿文件（.txt、.json 等）" };
        var json = new Option<bool>("--json") { Description = "输出 JSON（gov-disclosure-annual-report/1）" };
        var command = new Command("validate", "核对一份政府信息公开工作年度报告草稿") { file, json };
        command.SetAction(parseResult => Run(parseResult.GetValue(file)!, parseResult.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    public static int Run(FileInfo file, bool json, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!file.Exists)
        {
            error.WriteLine($"找不到文件：{file.FullName}");
            return DraftCheck.UnreadableCode;
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(file.FullName);
        }
        catch (IOException ex)
        {
            error.WriteLine($"无法读取文件：{file.FullName}（{ex.Message}）");
            return DraftCheck.UnreadableCode;
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine($"无权读取文件：{file.FullName}（{ex.Message}）");
            return DraftCheck.UnreadableCode;
        }

        var check = new DraftChecker().Check(file.Name, content);
        output.WriteLine(json ? ReportJson.Serialize(check.Document) : Summary(check));
        return check.ExitCode;
    }

    /// <summary>A readable Chinese summary: what was read, then findings grouped by table, then the counts.</summary>
    public static string Summary(DraftCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var document = check.Document;
        var report = document.Report;
        var text = new StringBuilder();
        text.AppendLine($"文件：{document.Source.File}（{document.Source.Format}）");
        text.AppendLine($"标题：{report.Title ?? "（未找到）"}");
        text.AppendLine($"格式：{(report.Template is null ? "（未识别）" : report.Template + " 年版")}");
        text.AppendLine($"年度：{(report.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "（未找到）")}");
        text.AppendLine($"机关：{report.Agency ?? "（未找到）"}");
        text.AppendLine();

        foreach (var group in document.Findings.GroupBy(f => f.Location?.Table))
        {
            text.AppendLine(group.Key is null ? "【全文】" : $"【{ValidationContext.TableName(group.Key)}】");
            foreach (var finding in group)
            {
                text.AppendLine($"  [{SeverityName(finding.Severity)}] {finding.Rule} {finding.Message}");
            }

            text.AppendLine();
        }

        if (document.Findings.Count == 0)
        {
            text.AppendLine("未发现问题。");
        }

        text.Append($"错误 {document.Summary.Errors} 条、警告 {document.Summary.Warnings} 条、提示 {document.Summary.Info} 条");
        return text.ToString();
    }

    private static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        _ => "提示",
    };
}
