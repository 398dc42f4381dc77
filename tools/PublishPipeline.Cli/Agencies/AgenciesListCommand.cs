using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PublishPipeline.Submissions;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PublishPipeline.Cli.Agencies;

/// <summary><c>pubpipe agencies list [--json] [--connection CS | --table-endpoint URL]</c>: the directory as a table, or JSON for scripts.</summary>
public static class AgenciesListCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Chinese stays readable; <, > and & are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "输出 JSON" };
        var connection = AgencyTable.ConnectionOption();
        var tableEndpoint = AgencyTable.TableEndpointOption();
        var command = new Command("list", "列出机构名录") { json, connection, tableEndpoint };
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

    public static async Task<int> RunAsync(AgencyTable table, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(error);
        IReadOnlyList<Agency> agencies;
        try
        {
            agencies = await AgencyDirectory.ForTable(table.Client).ListAsync(cancellationToken);
        }
        catch (Exception e) when (AgenciesCommand.StorageFailure(e) is { } message)
        {
            await error.WriteLineAsync(message);
            return AgenciesCommand.StorageFailedCode;
        }

        Write(agencies, json, output);
        return 0;
    }

    /// <summary>
    /// The agencies as JSON (id, name, region, level, supervisingOffice, submitters[], reviewers[], autoPublish) or as a
    /// table. Names and addresses come from a file anyone may have edited: table cells are plain text, never Spectre markup.
    /// </summary>
    public static void Write(IReadOnlyList<Agency> agencies, bool json, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(output);
        if (json)
        {
            var entries = agencies.Select(a => new AgencyEntry(
                a.Id, a.Name, a.Region, a.Level, a.SupervisingOffice, a.SubmitterEmails, a.ReviewerEmails, a.AutoPublish));
            output.WriteLine(JsonSerializer.Serialize(entries, Json));
            return;
        }

        var console = CliConsole.For(output);
        if (agencies.Count == 0)
        {
            console.WriteLine("机构名录为空。");
            return;
        }

        var table = new Table().AddColumns("编号", "名称", "地区", "层级", "主管（审核）机关", "报送人", "审核人", "自动发布");
        foreach (var agency in agencies)
        {
            table.AddRow(new IRenderable[]
            {
                new Text(agency.Id), new Text(agency.Name), new Text(agency.Region), new Text(agency.Level),
                new Text(agency.SupervisingOffice), new Text(string.Join('\n', agency.SubmitterEmails)),
                new Text(string.Join('\n', agency.ReviewerEmails)), new Text(agency.AutoPublish ? "是" : "否"),
            });
        }

        console.Write(table);
        console.WriteLine($"共 {agencies.Count} 个机构。");
    }

    private sealed record AgencyEntry(
        string Id, string Name, string Region, string Level, string SupervisingOffice,
        IReadOnlyList<string> Submitters, IReadOnlyList<string> Reviewers, bool AutoPublish);
}
