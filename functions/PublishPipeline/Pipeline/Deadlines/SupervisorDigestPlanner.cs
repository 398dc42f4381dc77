using PublishPipeline.Site.Board;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline.Deadlines;

/// <summary>
/// Decides the supervisors' weekly digests for a Beijing day: on the configured weekday, one per region and each of its
/// registered supervisors (addresses compared case-insensitively, each once); on other days none. Pure.
/// </summary>
public static class SupervisorDigestPlanner
{
    /// <summary>Whether the digest goes out on this Beijing day.</summary>
    public static bool IsDigestDay(DateOnly todayInBeijing, DeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.SupervisorDigestEnabled && todayInBeijing.DayOfWeek == options.SupervisorDigestDay;
    }

    public static IReadOnlyList<PlannedSupervisorDigest> Plan(DateOnly todayInBeijing, IEnumerable<SupervisedRegion> regions, DeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(options);
        if (!IsDigestDay(todayInBeijing, options))
        {
            return [];
        }

        var year = BoardYear.Default(todayInBeijing);
        return
        [
            .. regions
                .OrderBy(r => r.Id, StringComparer.Ordinal)
                .SelectMany(r => r.SupervisorEmails
                    .Select(e => e.Trim().ToLowerInvariant())
                    .Where(e => e.Length > 0)
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .Select(e => new PlannedSupervisorDigest(r.Id, e, todayInBeijing, year))),
        ];
    }
}
