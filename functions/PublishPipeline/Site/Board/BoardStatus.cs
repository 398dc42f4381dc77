namespace PublishPipeline.Site.Board;

/// <summary>
/// Where an agency's report for the year stands, as a supervisor counts it. A report whose only versions were refused,
/// withdrawn or failed is <see cref="NotSubmitted"/>: nothing the office could review exists yet.
/// </summary>
public enum BoardStatus
{
    NotSubmitted,
    NeedsChanges,
    Processing,
    AwaitingReview,
    Approved,
    Published,
}
