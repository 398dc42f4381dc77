using System.CommandLine;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Agencies;

/// <summary>
/// <c>pubpipe agencies list [--json] [--connection CS | --table-endpoint URL]</c>: the directory as a table, or JSON
/// (id, name, region, level, supervisingOffice, submitters[], reviewers[], autoPublish) for scripts.
/// </summary>
public static class AgenciesListCommand
{
    private static readonly DirectoryListCommand<Agency> List = new()
    {
        Description = "列出机构名录",
        EmptyText = "机构名录为空。",
        Noun = "机构",
        ListAsync = (table, cancellationToken) => AgencyDirectory.ForTable(table).ListAsync(cancellationToken),
        JsonEntry = a => new AgencyEntry(a.Id, a.Name, a.Region, a.Level, a.SupervisingOffice, a.SubmitterEmails, a.ReviewerEmails, a.AutoPublish),
        Columns = ["编号", "名称", "地区", "层级", "主管（审核）机关", "报送人", "审核人", "自动发布"],
        Cells = a =>
        [
            a.Id, a.Name, a.Region, a.Level, a.SupervisingOffice, string.Join('\n', a.SubmitterEmails),
            string.Join('\n', a.ReviewerEmails), a.AutoPublish ? "是" : "否",
        ],
    };

    public static Command Create() => List.Create();

    public static Task<int> RunAsync(AgencyTable table, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        List.RunAsync(table, json, output, error, cancellationToken);

    public static void Write(IReadOnlyList<Agency> agencies, bool json, TextWriter output) => List.Write(agencies, json, output);

    private sealed record AgencyEntry(
        string Id, string Name, string Region, string Level, string SupervisingOffice,
        IReadOnlyList<string> Submitters, IReadOnlyList<string> Reviewers, bool AutoPublish);
}
