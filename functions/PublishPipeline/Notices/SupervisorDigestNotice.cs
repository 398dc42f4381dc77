namespace PublishPipeline.Notices;

/// <summary>
/// To one supervisor: their region's board for <paramref name="Year"/> as of the Beijing day <paramref name="Today"/>,
/// the same facts as the board page (its words are given, already in Chinese): how many agencies are in each state,
/// and the agencies not yet published, urgent first.
/// </summary>
/// <param name="Counts">Each state's Chinese name and how many agencies are in it, in the board's order.</param>
/// <param name="Urgent">The agencies not yet published, urgent first (at most the first <see cref="MaxItems"/>).</param>
/// <param name="NotListed">How many more unpublished agencies the board lists than the email does.</param>
public sealed record SupervisorDigestNotice(
    string RegionName,
    int Year,
    DateOnly Today,
    int Agencies,
    IReadOnlyList<(string Name, int Count)> Counts,
    int Overdue,
    IReadOnlyList<SupervisorDigestItem> Urgent,
    int NotListed,
    string BoardUrl,
    string CsvUrl)
{
    /// <summary>An email is read on a phone: the rest is one click away on the board.</summary>
    public const int MaxItems = 30;
}
