using System.Collections.Concurrent;
using System.Globalization;
using PublishPipeline.Calendar;

namespace PublishPipeline.Site.Views;

/// <summary>
/// Publication dates as the index pages print them (the same text as <see cref="ChinaTime"/>): a city page lists
/// 1,500 dates, and converting and formatting each one was most of its cost. China has kept UTC+8 since 1991, so the
/// day is the UTC instant plus 8 hours; the few thousand distinct days are formatted once.
/// </summary>
internal static class DateText
{
    private const int MaxCachedDays = 50_000;

    private static readonly DateTimeOffset FixedOffsetSince = new(1992, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ConcurrentDictionary<DateOnly, (string Iso, string Chinese)> Days = new();

    /// <summary>"2022-01-20", for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Iso(DateTimeOffset instant) => Of(instant).Iso;

    /// <summary>"2022年1月20日".</summary>
    public static string Chinese(DateTimeOffset instant) => Of(instant).Chinese;

    private static (string Iso, string Chinese) Of(DateTimeOffset instant)
    {
        if (instant < FixedOffsetSince)
        {
            return (ChinaTime.IsoDate(instant), ChinaTime.FormatDate(instant));
        }

        var day = DateOnly.FromDateTime(instant.UtcDateTime.AddHours(8));
        if (Days.TryGetValue(day, out var text))
        {
            return text;
        }

        text = (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture));
        if (Days.Count < MaxCachedDays)
        {
            Days.TryAdd(day, text);
        }

        return text;
    }
}
