using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Site.Board;
using PublishPipeline.Submissions;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Site.Board;

/// <summary>
/// A region (兰溪市) whose agencies are in every state of the board on 2027年2月3日 (Beijing), three days after the
/// departments' deadline and 56 days before the governments'.
/// </summary>
internal static class BoardFixtures
{
    public const int Year = 2026;

    public static readonly DateOnly Today = new(2027, 2, 3);

    public static SupervisedRegion Region { get; } = new()
    {
        RowKey = "lanxi",
        Name = "兰溪市",
        Region = "浙江省/金华市/兰溪市",
        Office = "兰溪市人民政府办公室（政务公开办）",
        Supervisors = "boss@lanxi.example;deputy@lanxi.example",
    };

    public static Agency Agency(string id, string level, string region = "浙江省/金华市/兰溪市", string? name = null) =>
        new() { RowKey = id, Name = name ?? id + "局", Level = level, Region = region, Submitters = id + "@lanxi.example", Reviewers = "reviewer@lanxi.example" };

    public static Submission Version(
        string agencyId, int version, SubmissionState state, int errors = 0, DateTimeOffset? received = null,
        DateTimeOffset? publishAt = null, DateTimeOffset? publishedAt = null, int year = Year) => new()
    {
        AgencyId = agencyId,
        Year = year,
        PublishAt = publishAt,
        PublishedAt = publishedAt,
        Version = version,
        State = state.ToString(),
        Errors = errors,
        ReceivedAt = received ?? new DateTimeOffset(2027, 1, 10, 1, 0, 0, TimeSpan.Zero),
        UpdatedAt = received ?? new DateTimeOffset(2027, 1, 10, 1, 0, 0, TimeSpan.Zero),
    };

    public static IReadOnlyList<Agency> RegionAgencies { get; } =
    [
        Agency("sched", "县级"),
        Agency("ontime", "部门"),
        Agency("nosub", "部门"),
        Agency("fix", "部门"),
        Agency("late", "部门"),
        Agency("county", "县级"),
        Agency("refused", "部门"),
        Agency("review", "乡镇街道", "浙江省/金华市/兰溪市/云山街道"),
        Agency("outside", "部门", "浙江省/金华市/兰溪市郊"),
    ];

    public static IReadOnlyList<Submission> RegionVersions { get; } =
    [
        Version("fix", 1, SubmissionState.NeedsChanges, errors: 5),
        Version("refused", 1, SubmissionState.Rejected),
        Version("review", 1, SubmissionState.NeedsChanges, errors: 2),
        Version("review", 2, SubmissionState.AwaitingReview, received: new DateTimeOffset(2027, 1, 25, 16, 30, 0, TimeSpan.Zero)),
        Version("county", 1, SubmissionState.AwaitingReview),
        Version("sched", 1, SubmissionState.Approved, publishAt: new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero)),
        Version("ontime", 1, SubmissionState.Published, publishedAt: new DateTimeOffset(2027, 1, 20, 2, 0, 0, TimeSpan.Zero)),
        // 2027-02-01 17:00 UTC is 2月2日 01:00 in Beijing: two days late, though only one by the UTC date.
        Version("late", 1, SubmissionState.Superseded),
        Version("late", 2, SubmissionState.Published, publishedAt: new DateTimeOffset(2027, 2, 1, 17, 0, 0, TimeSpan.Zero)),
        Version("late", 3, SubmissionState.AwaitingReview),
        Version("outside", 1, SubmissionState.NeedsChanges, errors: 1),
        Version("nosub", 1, SubmissionState.Published, year: Year - 1),
    ];

    public static RegionBoard BoardOf(IEnumerable<Agency>? agencies = null, IEnumerable<Submission>? versions = null, DateOnly? today = null) =>
        RegionBoard.Build(Region, agencies ?? RegionAgencies, versions ?? RegionVersions, Year, today ?? Today, (level, year) => ReminderPlanner.DeadlineFor(DeadlineCalendar.National, level, year));
}
