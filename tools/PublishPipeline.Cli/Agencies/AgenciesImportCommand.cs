using System.CommandLine;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Agencies;

/// <summary>
/// <c>pubpipe agencies import FILE.csv [--dry-run] [--connection CS | --table-endpoint URL]</c>: the agency directory's
/// file through the import every directory file shares (<see cref="DirectoryImportCommand{TEntry}"/>).
/// </summary>
public static class AgenciesImportCommand
{
    private static readonly DirectoryImportCommand<Agency> Import = new()
    {
        Subject = "机构名录",
        Register = "机构名录",
        Noun = "机构",
        Columns = AgencyCsv.Columns,
        Read = content =>
        {
            var read = AgencyCsv.Read(content);
            return (read.Agencies, read.Errors);
        },
        ImportAsync = (table, agencies, cancellationToken) => AgencyDirectory.ForTable(table).ImportAsync(agencies, cancellationToken),
    };

    public static Command Create() => Import.Create();

    /// <param name="table">Where to import; null checks the file only (<c>--dry-run</c>).</param>
    public static Task<int> RunAsync(FileInfo file, AgencyTable? table, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        Import.RunAsync(file, table, output, error, cancellationToken);
}
