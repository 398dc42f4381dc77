using System.CommandLine;
using PublishPipeline.Cli.Agencies;

namespace PublishPipeline.Cli.Regions;

/// <summary>
/// <c>pubpipe regions import FILE.csv [--dry-run]</c> and <c>pubpipe regions list [--json]</c>: the supervised regions
/// whose 政务公开办 supervisors follow every agency of the region on their board. Same storage options and exit codes
/// as <c>pubpipe agencies</c> (the regions live in the agency directory's table): 0 done, 1 storage unreachable or
/// refused, 2 an invalid file or option (nothing written).
/// </summary>
public static class RegionsCommand
{
    public static Command Create() => new("regions", "督导地区：从 CSV 导入、查看")
    {
        RegionsImportCommand.Create(),
        RegionsListCommand.Create(),
    };

    internal static int StorageFailedCode => AgenciesCommand.StorageFailedCode;

    internal static int InvalidCode => AgenciesCommand.InvalidCode;
}
