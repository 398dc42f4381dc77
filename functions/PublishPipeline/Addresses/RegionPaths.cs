using System.Globalization;

namespace PublishPipeline.Addresses;

/// <summary>The supervisor's API addresses (host-relative, ids escaped), as the board and its emails link them.</summary>
public static class RegionPaths
{
    /// <summary>The regions the caller supervises, each linking to its board.</summary>
    public const string Regions = "/api/regions";

    public const string YearParameter = "year";

    public const string FormatParameter = "format";

    public const string CsvFormat = "csv";

    /// <summary>The region's roll-up for the year as a Word document in the official layout, computed when asked.</summary>
    public const string RollupWordFormat = "rollup-docx";

    /// <summary>The roll-up's sums, one row per cell (as the public page's rollup.csv).</summary>
    public const string RollupCsvFormat = "rollup-csv";

    /// <summary>The roll-up's detail, one row per summed report with every cell (as rollup-detail.csv).</summary>
    public const string RollupDetailCsvFormat = "rollup-detail-csv";

    public static string Board(string regionId) => Regions + "/" + Uri.EscapeDataString(regionId) + "/board";

    public static string Board(string regionId, int year) =>
        Board(regionId) + "?" + YearParameter + "=" + year.ToString(CultureInfo.InvariantCulture);

    public static string BoardCsv(string regionId, int year) => BoardAs(regionId, year, CsvFormat);

    /// <summary>The board's address asking for one of its downloads (<see cref="CsvFormat"/>, <see cref="RollupWordFormat"/> …).</summary>
    public static string BoardAs(string regionId, int year, string format) => Board(regionId, year) + "&" + FormatParameter + "=" + format;
}
