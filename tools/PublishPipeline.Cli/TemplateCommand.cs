using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Cli.Operations;
using PublishPipeline.Documents;
using PublishPipeline.Pipeline;
using PublishPipeline.Reports;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli;

/// <summary>
/// <c>pubpipe template --template 2019|2021 --out FILE.docx</c>: the official layout as a Word document to fill in;
/// <c>pubpipe template --agency A --year Y --out FILE.docx</c>: that agency's draft for year Y, pre-filled from its
/// published report of Y−1 in storage (<see cref="NextYearDraft"/>).
/// </summary>
public static class TemplateCommand
{
    public static Command Create()
    {
        var template = new Option<string?>("--template") { Description = "年度报告格式版本：2019（试行，2019–2020 年度）或 2021（2021 年度起），生成空白模板" };
        template.AcceptOnlyFromAmong([.. TemplateCatalog.All.Select(t => t.Id)]);
        var agency = new Option<string?>("--agency") { Description = "机关编号（机构名录中的 id）：生成该机关的年度报告模板，并按其已公开的上一年度报告预填" };
        var year = new Option<int?>("--year") { Description = "报告年度（与 --agency 同用）" };
        var output = new Option<FileInfo>("--out") { Description = "输出的 Word 文件（.docx）", Required = true };
        var connection = PipelineConnection.ConnectionOption();
        var account = PipelineConnection.AccountOption();
        var command = new Command("template", "生成可填写的年度报告 Word 模板（官方表格格式），或某机关按上一年度报告预填的模板")
        {
            template, agency, year, output, connection, account,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(output)!;
            var agencyId = parse.GetValue(agency);
            if (agencyId is null)
            {
                if (parse.GetValue(year) is not null || parse.GetValue(connection) is not null || parse.GetValue(account) is not null)
                {
                    await error.WriteLineAsync("--year、--connection、--account 须与 --agency 一起使用");
                    return 2;
                }

                if (parse.GetValue(template) is not { } templateId)
                {
                    await error.WriteLineAsync("请指定 --template 2019|2021（空白模板），或 --agency 与 --year（按上一年度报告预填的模板）");
                    return 2;
                }

                return Run(templateId, file, stdout, error);
            }

            if (parse.GetValue(template) is not null)
            {
                await error.WriteLineAsync("--template 与 --agency 只能指定一个：预填模板的格式由 --year 决定");
                return 2;
            }

            if (parse.GetValue(year) is not { } reportYear)
            {
                await error.WriteLineAsync("使用 --agency 时须用 --year 指定报告年度");
                return 2;
            }

            using var services = PipelineConnection.Build(parse.GetValue(connection), parse.GetValue(account), error);
            if (services is null)
            {
                return 2;
            }

            return await RunForAgencyAsync(services, agencyId, reportYear, file, stdout, error, cancellationToken);
        });
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

        if (!WriteFile(output, stream => ReportTemplateDocument.Write(template, stream), error))
        {
            return 2;
        }

        stdout.WriteLine($"已生成 {template.Name}（{template.IssuedBy}）模板：{output.FullName}");
        return 0;
    }

    /// <summary>The agency's pre-filled draft: 0 when written (with or without last year's report), 1 when storage failed, 2 on bad input.</summary>
    public static async Task<int> RunForAgencyAsync(IServiceProvider services, string agencyId, int year, FileInfo output, TextWriter stdout, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(error);
        var templates = services.GetRequiredService<NextYearTemplates>();
        if (templates.YearRefusal(year) is { } refusal)
        {
            await error.WriteLineAsync($"--year {year}：{refusal}");
            return 2;
        }

        if (!AgencyDirectory.IsValidId(agencyId))
        {
            await error.WriteLineAsync($"--agency「{agencyId}」不是有效的机关编号（小写字母、数字和连字符）");
            return 2;
        }

        NextYearDraft draft;
        try
        {
            var agency = await services.GetRequiredService<AgencyDirectory>().GetAsync(agencyId, cancellationToken);
            if (agency is null)
            {
                await error.WriteLineAsync($"机关编号「{agencyId}」不在机构名录中（可用 pubpipe agencies list 查看）");
                return 2;
            }

            draft = await templates.CreateAsync(agency, year, cancellationToken);
        }
        catch (Exception ex) when (Agencies.AgenciesCommand.StorageFailure(ex) is { } failure)
        {
            await error.WriteLineAsync($"无法读取机构名录或已公开的报告，未生成模板。{failure}");
            return 1;
        }

        if (!WriteFile(output, draft.WriteDocx, error))
        {
            return 2;
        }

        await stdout.WriteLineAsync($"已生成 {draft.Year} 年度「{draft.AgencyName}」的年度报告模板（{draft.Template.Name}）：{output.FullName}");
        if (draft.LastYear is not null && draft.Cells.Count > 0)
        {
            var carried = draft.Cells.Count(c => c.Kind == PrefillKind.Carried);
            var starting = draft.Cells.Count(c => c.Kind == PrefillKind.StartingPoint);
            await stdout.WriteLineAsync($"已按已公开的 {year - 1} 年度报告预填 {carried} 个上年结转数" + (starting > 0 ? $"、{starting} 个现行有效件数（上年末数，待加减本年制发、废止）" : "") + "，均以底纹标出。");
        }

        foreach (var note in draft.NotCarried)
        {
            await stdout.WriteLineAsync("注意：" + note);
        }

        return 0;
    }

    private static bool WriteFile(FileInfo output, Action<Stream> write, TextWriter error)
    {
        try
        {
            using var stream = new FileStream(output.FullName, FileMode.Create, FileAccess.ReadWrite);
            write(stream);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"无法写入文件：{output.FullName}（{ex.Message}）");
            return false;
        }
    }
}
