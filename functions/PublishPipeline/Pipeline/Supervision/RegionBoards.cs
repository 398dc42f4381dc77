using Microsoft.Extensions.Options;
using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Site.Board;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline.Supervision;

/// <summary>
/// Builds a region's supervisor board from storage: the directory's agencies the region covers and their versions of
/// the year, with the deadlines the reminders count down to (<see cref="ReminderPlanner.DeadlineFor"/>, so the board
/// and the reminder emails never disagree about a date).
/// </summary>
public sealed class RegionBoards(AgencyDirectory agencies, SubmissionStore submissions, IOptions<DeadlineOptions> deadlines)
{
    public async Task<RegionBoard> BuildAsync(SupervisedRegion region, int year, DateOnly todayInBeijing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        var directory = await agencies.ListAsync(cancellationToken);
        var versions = await submissions.ListVersionsOfYearAsync(year, cancellationToken);
        return Build(region, directory, versions, year, todayInBeijing);
    }

    public RegionBoard Build(SupervisedRegion region, IEnumerable<Agency> directory, IEnumerable<Submission> versions, int year, DateOnly todayInBeijing)
    {
        var calendar = deadlines.Value.Calendar;
        return RegionBoard.Build(region, directory, versions, year, todayInBeijing, (level, reportYear) => ReminderPlanner.DeadlineFor(calendar, level, reportYear));
    }
}
