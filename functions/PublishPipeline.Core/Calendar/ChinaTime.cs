using System.Globalization;

namespace PublishPipeline.Calendar;

/// <summary>Dates and times as people in China read them: Asia/Shanghai, "2021年3月5日 09:30".</summary>
internal static class ChinaTime
{
    // China has used UTC+8 without daylight saving since 1991; the fixed offset covers hosts without tzdata.
    private static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>Beijing time's offset, for times people type without one (a datetime-local field).</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The calendar day in China at <paramref name="instant"/>: deadlines and once-a-day keys count Beijing days.</summary>
    public static DateOnly DateInChina(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    public static string FormatDateTime(DateTimeOffset instant) =>
        ToChina(instant).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static string FormatDate(DateTimeOffset instant) =>
        ToChina(instant).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable date for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string IsoDate(DateTimeOffset instant) =>
        ToChina(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"2020-01-01" → "2020年1月1日"; anything that is not an ISO date is returned as written.</summary>
    public static string FormatIsoDate(string isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
            : isoDate;

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
        }
    }
}
