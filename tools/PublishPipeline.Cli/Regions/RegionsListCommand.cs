using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PublishPipeline.Cli.Agencies;
using PublishPipeline.Submissions;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PublishPipeline.Cli.Regions;

/// <summary><c>pubpipe regions list [--json] [--connection CS | --table-endpoint URL]</c>: the supervised regions as a table, or JSON for scripts.</summary>
public static class RegionsListCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "输出 JSON" };
        var connection = AgencyTable.ConnectionOption();
        var tableEndpoint = AgencyTable.TableEndpointOption();
        var command = new Command("list", "列出督导地区") { json, connection, tableEndpoint };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var table = AgencyTable.Resolve(parseResult.GetValue(connection), parseResult.GetValue(tableEndpoint), Environment.GetEnvironmentVariable, error);
            return table is null
                ? RegionsCommand.InvalidCode
                : await RunAsync(table, parseResult.GetValue(json), parseResult.InvocationConfiguration.Output, error, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(AgencyTable table, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(error);
        IReadOnlyList<SupervisedRegion> regions;
        try
        {
            regions = await RegionDirectory.ForTable(table.Client).ListAsync(cancellationToken);
        }
        catch (Exception e) when (AgenciesCommand.StorageFailure(e) is { } message)
        {
            await error.WriteLineAsync(message);
            return RegionsCommand.StorageFailedCode;
        }

        Write(regions, json, output);
        return 0;
    }

    /// <summary>
    /// The regions as JSON (id, name, region, office, supervisors[]) or as a table. Names come from a file anyone may
    /// have edited: table cells are plain text, never Spectre markup.
    /// </summary>
    public static void Write(IReadOnlyList<SupervisedRegion> regions, bool json, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(output);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(regions.Select(r => new RegionEntry(r.Id, r.Name, r.Region, r.Office, r.SupervisorEmails)), Json));
            return;
        }

        var console = CliConsole.For(output);
        if (regions.Count == 0)
        {
            console.WriteLine("督导地区名录为空。");
            return;
        }

        var table = new Table().AddColumns("编号", "名称", "地区路径", "政务公开办", "督导人员");
        foreach (var region in regions)
        {
            table.AddRow(new IRenderable[]
            {
                new Text(region.Id), new Text(region.Name), new Text(region.Region), new Text(region.Office),
                new Text(string.Join('\n', region.SupervisorEmails)),
            });
        }

        console.Write(table);
        console.WriteLine($"共 {regions.Count} 个地区。");
    }

    private sealed record RegionEntry(string Id, string Name, string Region, string Office, IReadOnlyList<string> Supervisors);
}
