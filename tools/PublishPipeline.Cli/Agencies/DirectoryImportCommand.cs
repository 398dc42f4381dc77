using System.CommandLine;
using Azure.Data.Tables;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Agencies;

/// <summary>
/// <c>pubpipe agencies import</c> and <c>pubpipe regions import</c>, which differ only in what the file holds: both
/// check the whole file first (every error with its line and column, exit 2, nothing written), then add or replace each
/// entry by id in the agency directory's table and say how many were added, updated and unchanged. Entries not in the
/// file are kept. One implementation, so the two commands cannot drift apart in options, messages or exit codes.
/// </summary>
/// <typeparam name="TEntry">What a row of the file becomes (<see cref="Agency"/>, <see cref="SupervisedRegion"/>).</typeparam>
public sealed class DirectoryImportCommand<TEntry>
{
    /// <summary>What the help calls the file: 机构名录, 督导地区.</summary>
    public required string Subject { get; init; }

    /// <summary>What the error headline calls the file: 机构名录, 督导地区名录.</summary>
    public required string Register { get; init; }

    /// <summary>One entry, as counted: 机构, 地区.</summary>
    public required string Noun { get; init; }

    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>The file's bytes as entries, or the errors that refuse it (the entries are then ignored).</summary>
    public required Func<byte[], (IReadOnlyList<TEntry> Entries, IReadOnlyList<AgencyCsvError> Errors)> Read { get; init; }

    /// <summary>Writes the entries into the table (which exists by then).</summary>
    public required Func<TableClient, IReadOnlyList<TEntry>, CancellationToken, Task<AgencyImportResult>> ImportAsync { get; init; }

    public Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = $"{Subject} CSV 文件（UTF-8，表头 {string.Join(',', Columns)}）" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只校验文件，不写入" };
        var connection = AgencyTable.ConnectionOption();
        var tableEndpoint = AgencyTable.TableEndpointOption();
        var command = new Command("import", $"校验并导入{Subject} CSV（按{Noun}编号新增或替换）") { file, dryRun, connection, tableEndpoint };
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
    public async Task<int> RunAsync(FileInfo file, AgencyTable? table, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
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

        var (entries, errors) = Read(content);
        if (errors.Count > 0)
        {
            await error.WriteLineAsync($"{Register} {file.Name} 有 {errors.Count} 处错误，未写入任何{Noun}：");
            foreach (var problem in errors)
            {
                await error.WriteLineAsync("  " + problem);
            }

            return AgenciesCommand.InvalidCode;
        }

        await output.WriteLineAsync($"{file.Name}：校验通过，共 {entries.Count} 个{Noun}。");
        if (table is null)
        {
            await output.WriteLineAsync("--dry-run：未写入。");
            return 0;
        }

        try
        {
            await AgencyDirectory.ForTable(table.Client).EnsureTableAsync(cancellationToken);
            var result = await ImportAsync(table.Client, entries, cancellationToken);
            await output.WriteLineAsync($"已写入表 {table.Description}：新增 {result.Added} 个，更新 {result.Updated} 个，未变 {result.Unchanged} 个。");
            return 0;
        }
        catch (ArgumentException e)
        {
            // Markup in a name or office: refused before anything is written, with the entry and the column. The file's
            // check refuses the same text first, so this is a backstop against the two checks parting ways.
            await error.WriteLineAsync(e.Message.Split(" (Parameter")[0]);
            return AgenciesCommand.InvalidCode;
        }
        catch (Exception e) when (AgenciesCommand.StorageFailure(e) is { } message)
        {
            await error.WriteLineAsync(message);
            return AgenciesCommand.StorageFailedCode;
        }
    }
}
