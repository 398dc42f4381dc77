using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PublishPipeline.Agencies;

namespace PublishPipeline.Pipeline.Deadlines;

/// <summary>
/// Reads <see cref="DeadlineOptions"/> from configuration by hand, because the two settings that matter most arrive as
/// single strings in app settings (a day list and local deadlines) and the configuration binder cannot read either.
/// A malformed value fails loudly when the options are first read, never falls back to defaults unnoticed.
/// </summary>
public static class DeadlineOptionsConfiguration
{
    private static readonly char[] ListSeparators = [',', ';', '，', '；', ' '];

    /// <summary>
    /// Registers <see cref="DeadlineOptions"/> read from the "Deadlines" section of the host's configuration, read and
    /// checked when the host starts, so a malformed value stops the app with the setting's name.
    /// </summary>
    public static OptionsBuilder<DeadlineOptions> AddDeadlineOptions(this IServiceCollection services) =>
        services.AddOptions<DeadlineOptions>()
            .Configure<IConfiguration>((options, configuration) => Bind(configuration.GetSection(DeadlineOptions.Section), options))
            .Validate(
                options => options.ReminderDaysBefore.All(day => day <= MaxReminderDays),
                $"{DeadlineOptions.Section}__{nameof(DeadlineOptions.ReminderDaysBefore)}: a reminder more than {MaxReminderDays} days before the deadline would fall before the reported year has ended.")
            .Validate(
                options => options.OverdueWeeks <= MaxOverdueWeeks,
                $"{DeadlineOptions.Section}__{nameof(DeadlineOptions.OverdueWeeks)}: at most {MaxOverdueWeeks} weekly reminders (a year) follow a missed deadline.")
            .ValidateOnStart();

    private const int MaxReminderDays = 90;

    private const int MaxOverdueWeeks = 52;

    /// <summary>Applies the settings present in <paramref name="section"/> to <paramref name="options"/>; absent keys keep their defaults.</summary>
    public static void Bind(IConfigurationSection section, DeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);

        var days = section.GetSection(nameof(DeadlineOptions.ReminderDaysBefore));
        if (days.Value is { } dayList)
        {
            options.ReminderDaysBefore = ParseDays(dayList, SettingName(days));
        }
        else if (days.GetChildren().ToList() is { Count: > 0 } items)
        {
            // The indexed form (ReminderDaysBefore:0 = 14 …) replaces the default rather than appending to it.
            options.ReminderDaysBefore = ParseDays(string.Join(',', items.Select(i => i.Value)), SettingName(days));
        }

        options.DigestEnabled = ReadBool(section, nameof(DeadlineOptions.DigestEnabled)) ?? options.DigestEnabled;
        options.OverdueReminders = ReadBool(section, nameof(DeadlineOptions.OverdueReminders)) ?? options.OverdueReminders;
        options.OverdueWeeks = ReadCount(section, nameof(DeadlineOptions.OverdueWeeks)) ?? options.OverdueWeeks;
        options.SupervisorDigestEnabled = ReadBool(section, nameof(DeadlineOptions.SupervisorDigestEnabled)) ?? options.SupervisorDigestEnabled;
        options.SupervisorDigestDay = ReadWeekday(section, nameof(DeadlineOptions.SupervisorDigestDay)) ?? options.SupervisorDigestDay;

        if (section["LocalDeadlines"] is { } local && !string.IsNullOrWhiteSpace(local))
        {
            options.Calendar = options.Calendar with { Overrides = ParseLocalDeadlines(local, SettingName(section.GetSection("LocalDeadlines"))) };
        }
    }

    /// <summary>"14,7,3,1" → [14, 7, 3, 1]: distinct, largest first; blank → none. Negative or non-numeric entries throw.</summary>
    public static IReadOnlyList<int> ParseDays(string value, string settingName = "Deadlines__ReminderDaysBefore")
    {
        ArgumentNullException.ThrowIfNull(value);
        var days = new SortedSet<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var part in value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            {
                throw new FormatException($"{settingName}: '{part}' is not a whole number of days ≥ 0 (expected e.g. \"14,7,3,1\").");
            }

            days.Add(day);
        }

        return [.. days];
    }

    /// <summary>"部门=2-28;乡镇街道=2-20" → overrides by agency level. Unknown levels and impossible dates throw.</summary>
    public static IReadOnlyDictionary<string, (int Month, int Day)> ParseLocalDeadlines(string value, string settingName = "Deadlines__LocalDeadlines")
    {
        ArgumentNullException.ThrowIfNull(value);
        var overrides = new Dictionary<string, (int Month, int Day)>(StringComparer.Ordinal);
        foreach (var entry in value.Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(['=', '＝'], 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !AgencyLevels.All.Contains(parts[0]))
            {
                throw new FormatException(
                    $"{settingName}: '{entry}' is not level=month-day with a level among {string.Join('、', AgencyLevels.All)}.");
            }

            var monthDay = parts[1].Split('-', StringSplitOptions.TrimEntries);
            if (monthDay.Length != 2
                || !int.TryParse(monthDay[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
                || !int.TryParse(monthDay[1], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                || month is < 1 or > 12
                || day is < 1 or > 31)
            {
                throw new FormatException($"{settingName}: '{parts[1]}' is not a month-day such as 2-28.");
            }

            overrides[parts[0]] = (month, day);
        }

        return overrides;
    }

    /// <summary>A setting's name as an operator writes it in app settings: <c>Deadlines__OverdueWeeks</c>.</summary>
    private static string SettingName(IConfigurationSection setting) => setting.Path.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal);

    private static int? ReadCount(IConfigurationSection section, string key) =>
        section[key] switch
        {
            null => null,
            var text when int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) => count,
            var text => throw new FormatException($"{SettingName(section.GetSection(key))}: '{text}' is not a whole number ≥ 0."),
        };

    /// <summary>"Monday" (any case) or 1–7 counted from Monday, as ISO 8601 numbers weekdays; anything else throws.</summary>
    private static DayOfWeek? ReadWeekday(IConfigurationSection section, string key) =>
        section[key]?.Trim() switch
        {
            null => null,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var iso) && iso is >= 1 and <= 7 => (DayOfWeek)(iso % 7),
            var text when !text.All(char.IsDigit) && Enum.TryParse<DayOfWeek>(text, ignoreCase: true, out var day) => day,
            var text => throw new FormatException($"{SettingName(section.GetSection(key))}: '{text}' is not a weekday (Monday … Sunday, or 1–7 with 1 = Monday)."),
        };

    private static bool? ReadBool(IConfigurationSection section, string key) =>
        section[key] switch
        {
            null => null,
            var text when bool.TryParse(text.Trim(), out var flag) => flag,
            var text => throw new FormatException($"{SettingName(section.GetSection(key))}: '{text}' is not true or false."),
        };
}
