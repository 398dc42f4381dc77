using System.Globalization;
using PublishPipeline.Calendar;

namespace PublishPipeline.Site;

/// <summary>How facts read on the private pages: times in Beijing time, sizes in KB/MB with the exact byte count, short hashes.</summary>
internal static class StatusFormat
{
    private const int ShortHashLength = 12;

    public static string Time(DateTimeOffset instant) => ChinaTime.FormatDateTime(instant);

    /// <summary>The machine-readable instant for a <c>&lt;time datetime&gt;</c> attribute, in UTC.</summary>
    public static string IsoInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Size(long bytes)
    {
        var exact = bytes.ToString("N0", CultureInfo.InvariantCulture) + " 字节";
        return bytes switch
        {
            < 1024 => exact,
            < 1024 * 1024 => $"{(bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture)} KB（{exact}）",
            _ => $"{(bytes / (1024d * 1024d)).ToString("0.#", CultureInfo.InvariantCulture)} MB（{exact}）",
        };
    }

    /// <summary>The first 12 hex digits: enough to tell versions apart at a glance; the full hash goes in a title.</summary>
    public static string ShortHash(string sha256) =>
        sha256.Length > ShortHashLength ? sha256[..ShortHashLength] : sha256;

    public static string ReportName(string agencyName, int year) => $"{year}年{agencyName}政府信息公开工作年度报告";

    public static string VersionName(int number) => $"第{number.ToString(CultureInfo.InvariantCulture)}版";
}
