using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Azure.Data.Tables;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PublishPipeline.Cli.Agencies;

/// <summary>
/// <c>pubpipe agencies list</c> and <c>pubpipe regions list</c> (<c>[--json] [--connection CS | --table-endpoint URL]</c>),
/// which differ only in the entries' columns: the entries as a table, or JSON for scripts. Names come from a file
/// anyone may have edited: table cells are plain text, never Spectre markup.
/// </summary>
/// <typeparam name="TEntry">What the table holds (<see cref="Submissions.Agency"/>, <see cref="Submissions.SupervisedRegion"/>).</typeparam>
public sealed class DirectoryListCommand<TEntry>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Chinese stays readable; <, > and & are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public required string Description { get; init; }

    /// <summary>What an empty table prints: 机构名录为空。</summary>
    public required string EmptyText { get; init; }

    /// <summary>One entry, as counted: 机构, 地区.</summary>
    public required string Noun { get; init; }

    public required Func<TableClient, CancellationToken, Task<IReadOnlyList<TEntry>>> ListAsync { get; init; }

    /// <summary>An entry as its JSON object, a record whose property names become the camelCase keys.</summary>
    public required Func<TEntry, object> JsonEntry { get; init; }

    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>An entry's table cells, one per column, as plain text.</summary>
    public required Func<TEntry, IEnumerable<string>> Cells { get; init; }

    public Command Create()
    {
        var json = new Option<bool>("--json") { Description = "输出 JSON" };
        var connection = AgencyTable.ConnectionOption();
        var tableEndpoint = AgencyTable.TableEndpointOption();
        var command = new Command("list", Description) { json, connection, tableEndpoint };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var table = AgencyTable.Resolve(parseResult.GetValue(connection), parseResult.GetValue(tableEndpoint), Environment.GetEnvironmentVariable, error);
            return table is null
                ? AgenciesCommand.InvalidCode
                : await RunAsync(table, parseResult.GetValue(json), parseResult.InvocationConfiguration.Output, error, cancellationToken);
        });
        return command;
    }

    public async Task<int> RunAsync(AgencyTable table, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(error);
        IReadOnlyList<TEntry> entries;
        try
        {
            entries = await ListAsync(table.Client, cancellationToken);
        }
        catch (Exception e) when (AgenciesCommand.StorageFailure(e) is { } message)
        {
            await error.WriteLineAsync(message);
            return AgenciesCommand.StorageFailedCode;
        }

        Write(entries, json, output);
        return 0;
    }

    public void Write(IReadOnlyList<TEntry> entries, bool json, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(output);
        if (json)
        {
            // Elements typed object are serialised by their runtime type: each record's own properties.
            output.WriteLine(JsonSerializer.Serialize(entries.Select(JsonEntry), Json));
            return;
        }

        var console = CliConsole.For(output);
        if (entries.Count == 0)
        {
            console.WriteLine(EmptyText);
            return;
        }

        var table = new Table().AddColumns([.. Columns]);
        foreach (var entry in entries)
        {
            table.AddRow(Cells(entry).Select(cell => (IRenderable)new Text(cell)));
        }

        console.Write(table);
        console.WriteLine($"共 {entries.Count} 个{Noun}。");
    }
}
