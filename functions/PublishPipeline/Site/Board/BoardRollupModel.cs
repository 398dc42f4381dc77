using PublishPipeline.Rollups;

namespace PublishPipeline.Site.Board;

/// <summary>
/// The roll-up shown under a supervisor board: the region's sums for the board's year, where each summed report's
/// public page is (the board is served by the API host, so report links are absolute), and the board's own downloads.
/// </summary>
public sealed record BoardRollupModel(
    RegionRollup Rollup,
    Func<RollupSource, string> ReportLink,
    string WordUrl,
    string CsvUrl,
    string DetailCsvUrl,
    string? PublicPageUrl);
