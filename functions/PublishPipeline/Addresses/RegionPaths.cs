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

    public static string Board(string regionId) => Regions + "/" + Uri.EscapeDataString(regionId) + "/board";

    public static string Board(string regionId, int year) =>
        Board(regionId) + "?" + YearParameter + "=" + year.ToString(CultureInfo.InvariantCulture);

    public static string BoardCsv(string regionId, int year) => Board(regionId, year) + "&" + FormatParameter + "=" + CsvFormat;
}
