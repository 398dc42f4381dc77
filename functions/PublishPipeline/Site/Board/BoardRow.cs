namespace PublishPipeline.Site.Board;

/// <summary>One agency of the region on the supervisor board, with its report for the board's year.</summary>
/// <param name="Status">The category counted at the top of the board and used to order it (as its enum name).</param>
/// <param name="StateName">The state as the private pages name it (<see cref="StateNames"/>), or 未报送.</param>
/// <param name="Detail">What the supervisor needs to know about that state: how many errors, since when, when scheduled, when published.</param>
/// <param name="SubmissionId">The version the row describes (its status page is the row's link); null when nothing was uploaded.</param>
/// <param name="Deadline">The agency's publication deadline for the year (Beijing date); null for a level with none.</param>
/// <param name="DaysLeft">Days from the board's day to the deadline for a report not yet published (negative: overdue); null once published or without a deadline.</param>
/// <param name="DaysLate">For a published report, how many days after the deadline it went live (0 on time); null otherwise.</param>
public sealed record BoardRow(
    string AgencyId,
    string AgencyName,
    string Level,
    string Status,
    string StateName,
    string Detail,
    string? SubmissionId,
    int? Version,
    int Errors,
    DateTimeOffset? AwaitingSince,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset? PublishedAt,
    DateOnly? Deadline,
    int? DaysLeft,
    int? DaysLate)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public BoardStatus Category => Enum.Parse<BoardStatus>(Status);

    /// <summary>Not published and past the deadline.</summary>
    public bool Overdue => DaysLeft < 0;
}
