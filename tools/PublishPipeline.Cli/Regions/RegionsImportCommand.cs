using System.CommandLine;
using PublishPipeline.Cli.Agencies;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Regions;

/// <summary>
/// <c>pubpipe regions import FILE.csv [--dry-run] [--connection CS | --table-endpoint URL]</c>: checks the whole file
/// first (every error with its line and column, exit 2, nothing written), then adds or replaces each region by id.
/// Regions not in the file are kept.
/// </summary>
public static class RegionsImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "督导地区 CSV 文件（UTF-8，表头 " + string.Join(',', RegionCsv.Columns) + "）" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只校验文件，不写入" };
        var connection = AgencyTable.ConnectionOption();
        var tableEndpoint = AgencyTable.TableEndpointOption();
        var command = new Command("import", "校验并导入督导地区 CSV（按地区编号新增或替换）") { file, dryRun, connection, tableEndpoint };
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
                    return Task.FromResult(RegionsCommand.InvalidCode);
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
            return RegionsCommand.InvalidCode;
        }

        var parsed = RegionCsv.Read(content);
        if (!parsed.IsValid)
        {
            await error.WriteLineAsync($"督导地区名录 {file.Name} 有 {parsed.Errors.Count} 处错误，未写入任何地区：");
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync("  " + problem);
            }

            return RegionsCommand.InvalidCode;
        }

        await output.WriteLineAsync($"{file.Name}：校验通过，共 {parsed.Regions.Count} 个地区。");
        if (table is null)
        {
            await output.WriteLineAsync("--dry-run：未写入。");
            return 0;
        }

        try
        {
            await AgencyDirectory.ForTable(table.Client).EnsureTableAsync(cancellationToken);
            var result = await RegionDirectory.ForTable(table.Client).ImportAsync(parsed.Regions, cancellationToken);
            await output.WriteLineAsync($"已写入表 {table.Description}：新增 {result.Added} 个，更新 {result.Updated} 个，未变 {result.Unchanged} 个。");
            return 0;
        }
        catch (ArgumentException e)
        {
            // Markup in a name or office: refused before anything is written, with the region and the column.
            await error.WriteLineAsync(e.Message.Split(" (Parameter")[0]);
            return RegionsCommand.InvalidCode;
        }
        catch (Exception e) when (AgenciesCommand.StorageFailure(e) is { } message)
        {
            await error.WriteLineAsync(message);
            return RegionsCommand.StorageFailedCode;
        }
    }
}
