using PublishPipeline.Submissions;

namespace PublishPipeline.Site.Board;

/// <summary>
/// The supervisor board of one region for one report year, as of one Beijing day: every agency the region covers with
/// its report, urgent first (<see cref="BoardOrder"/>), and how many are in each state.
/// </summary>
public sealed record RegionBoard(
    string RegionId,
    string RegionName,
    string RegionPath,
    string Office,
    int Year,
    DateOnly Today,
    IReadOnlyList<BoardCount> Counts,
    int Overdue,
    IReadOnlyList<BoardRow> Rows)
{
    /// <summary>
    /// Builds the board. <paramref name="versions"/> are the year's versions of any agencies (others are ignored);
    /// <paramref name="deadlineFor"/> gives an agency level's deadline for the year (null when the level has none).
    /// </summary>
    public static RegionBoard Build(
        SupervisedRegion region,
        IEnumerable<Agency> agencies,
        IEnumerable<Submission> versions,
        int year,
        DateOnly todayInBeijing,
        Func<string, int, DateOnly?> deadlineFor)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(deadlineFor);

        var byAgency = versions.Where(v => v.Year == year).ToLookup(v => v.AgencyId, StringComparer.Ordinal);
        var rows = agencies
            .Where(region.Covers)
            .DistinctBy(a => a.Id)
            .Select(a => BoardRows.For(a, [.. byAgency[a.Id]], deadlineFor(a.Level, year), todayInBeijing))
            .Order(BoardOrder.Instance)
            .ToList();
        var counts = Enum.GetValues<BoardStatus>()
            .Select(s => new BoardCount(s.ToString(), BoardText.StatusName(s), rows.Count(r => r.Category == s)))
            .ToList();
        return new RegionBoard(region.Id, region.Name, region.Region, region.Office, year, todayInBeijing, counts, rows.Count(r => r.Overdue), rows);
    }
}
