using System.CommandLine;
using PublishPipeline.Cli.Agencies;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Regions;

/// <summary>
/// <c>pubpipe regions list [--json] [--connection CS | --table-endpoint URL]</c>: the supervised regions as a table, or
/// JSON (id, name, region, office, supervisors[]) for scripts.
/// </summary>
public static class RegionsListCommand
{
    private static readonly DirectoryListCommand<SupervisedRegion> List = new()
    {
        Description = "列出督导地区",
        EmptyText = "督导地区名录为空。",
        Noun = "地区",
        ListAsync = (table, cancellationToken) => RegionDirectory.ForTable(table).ListAsync(cancellationToken),
        JsonEntry = r => new RegionEntry(r.Id, r.Name, r.Region, r.Office, r.SupervisorEmails),
        Columns = ["编号", "名称", "地区路径", "政务公开办", "督导人员"],
        Cells = r => [r.Id, r.Name, r.Region, r.Office, string.Join('\n', r.SupervisorEmails)],
    };

    public static Command Create() => List.Create();

    public static Task<int> RunAsync(AgencyTable table, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        List.RunAsync(table, json, output, error, cancellationToken);

    public static void Write(IReadOnlyList<SupervisedRegion> regions, bool json, TextWriter output) => List.Write(regions, json, output);

    private sealed record RegionEntry(string Id, string Name, string Region, string Office, IReadOnlyList<string> Supervisors);
}
