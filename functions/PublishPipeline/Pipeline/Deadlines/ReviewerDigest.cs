using System.Globalization;

namespace PublishPipeline.Pipeline.Deadlines;

/// <summary>One reviewer's daily digest.</summary>
/// <param name="ReviewerEmail">Lower-cased, as recorded in the agency directory.</param>
/// <param name="Day">The Beijing date of the digest.</param>
/// <param name="Items">The reports waiting for this reviewer, oldest first.</param>
public sealed record ReviewerDigest(string ReviewerEmail, DateOnly Day, IReadOnlyList<PendingReview> Items)
{
    /// <summary>One digest per reviewer and day: record it before sending and a re-run sends nothing twice.</summary>
    public string Key => $"{ReviewerEmail}-{Day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
}
