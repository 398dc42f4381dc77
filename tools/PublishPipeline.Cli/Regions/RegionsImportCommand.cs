using System.CommandLine;
using PublishPipeline.Cli.Agencies;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Regions;

/// <summary>
/// <c>pubpipe regions import FILE.csv [--dry-run] [--connection CS | --table-endpoint URL]</c>: the supervised regions'
/// file through the import every directory file shares (<see cref="DirectoryImportCommand{TEntry}"/>).
/// </summary>
public static class RegionsImportCommand
{
    private static readonly DirectoryImportCommand<SupervisedRegion> Import = new()
    {
        Subject = "督导地区",
        Register = "督导地区名录",
        Noun = "地区",
        Columns = RegionCsv.Columns,
        Read = content =>
        {
            var read = RegionCsv.Read(content);
            return (read.Regions, read.Errors);
        },
        ImportAsync = (table, regions, cancellationToken) => RegionDirectory.ForTable(table).ImportAsync(regions, cancellationToken),
    };

    public static Command Create() => Import.Create();

    /// <param name="table">Where to import; null checks the file only (<c>--dry-run</c>).</param>
    public static Task<int> RunAsync(FileInfo file, AgencyTable? table, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        Import.RunAsync(file, table, output, error, cancellationToken);
}
