using PublishPipeline.Calendar;

namespace PublishPipeline.Site.Board;

/// <summary>Which report year the board shows when none is asked for, and which years it offers.</summary>
public static class BoardYear
{
    /// <summary>The first year of the current national report format's predecessor: nothing older is collected here.</summary>
    public const int First = 2019;

    /// <summary>
    /// The report year being written or chased on <paramref name="todayInBeijing"/>: from 1 December the year that is
    /// ending (its reports are being drafted, and the deadline reminders reach back into December), from January to
    /// November the year before (its reports are due on 1月31日 and 3月31日 and the late ones are chased after that).
    /// So in December 2026 and in January 2027 it is 2026.
    /// </summary>
    public static int Default(DateOnly todayInBeijing) => todayInBeijing.Month == 12 ? todayInBeijing.Year : todayInBeijing.Year - 1;

    public static int Default(DateTimeOffset now) => Default(ChinaTime.DateInChina(now));

    /// <summary>
    /// The years a supervisor may pick, newest first: from <see cref="First"/> to the current calendar year (an early
    /// draft of this year's report can exist before December).
    /// </summary>
    public static IReadOnlyList<int> Choices(DateOnly todayInBeijing) =>
        [.. Enumerable.Range(First, todayInBeijing.Year - First + 1).Reverse()];

    /// <summary>Whether a year asked for in a URL is one the board can show.</summary>
    public static bool IsAllowed(int year, DateOnly todayInBeijing) => year >= First && year <= todayInBeijing.Year;
}
