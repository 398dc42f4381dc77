using System.CommandLine;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Agencies;

/// <summary>
/// <c>pubpipe agencies import FILE.csv [--dry-run] [--connection CS | --table-endpoint URL]</c>: checks the whole file
/// first (every error with its line and column, exit 2, nothing written), then adds or replaces each agency by id and
/// says how many were added, updated and unchanged. Agencies not in the file are kept.
/// </summary>
public static class AgenciesImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "机构名录 CSV 文件（UTF-8，表头 " + string.Join(',', AgencyCsv.Columns) + "）" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只校验文件，不写入" };
        var connection = AgencyTable.ConnectionOption();
        var tableEndpoint = AgencyTable.TableEndpointOption();
        var command = new Command("import", "校验并导入机构名录 CSV（按机构编号新增或替换）") { file, dryRun, connection, tableEndpoint };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            AgencyTable? table = null;
            if (!parseResult.GetValue(dryRun))
            {
                table = AgencyTable.Resolve(parseResult.GetValue(connection), parseResult.GetValue(tableEndpoint), Environment.GetEnvironmentVariable, error);
                if (table is null)
                {
                    return Task.FromResult(AgenciesCommand.InvalidCode);
                }
            }

            return RunAsync(parseResult.GetValue(file)!, table, output, error, cancellationToken);
        });
        return command;
    }

    /// <param name="table">Where to import; null checks the file only (<c>--dry-run</c>).</param>
    public static async Task<int> RunAsync(FileInfo file, AgencyTable? table, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"无法读取文件：{file.FullName}（{e.Message}）");
            return AgenciesCommand.InvalidCode;
        }

        var parsed = AgencyCsv.Read(content);
        if (!parsed.IsValid)
        {
            await error.WriteLineAsync($"机构名录 {file.Name} 有 {parsed.Errors.Count} 处错误，未写入任何机构：");
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync("  " + problem);
            }

            return AgenciesCommand.InvalidCode;
        }

        await output.WriteLineAsync($"{file.Name}：校验通过，共 {parsed.Agencies.Count} 个机构。");
        if (table is null)
        {
            await output.WriteLineAsync("--dry-run：未写入。");
            return 0;
        }

        try
        {
            var directory = AgencyDirectory.ForTable(table.Client);
            await directory.EnsureTableAsync(cancellationToken);
            var result = await directory.ImportAsync(parsed.Agencies, cancellationToken);
            await output.WriteLineAsync($"已写入表 {table.Description}：新增 {result.Added} 个，更新 {result.Updated} 个，未变 {result.Unchanged} 个。");
            return 0;
        }
        catch (Exception e) when (AgenciesCommand.StorageFailure(e) is { } message)
        {
            await error.WriteLineAsync(message);
            return AgenciesCommand.StorageFailedCode;
        }
    }
}
