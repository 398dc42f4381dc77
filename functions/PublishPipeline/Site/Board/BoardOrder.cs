namespace PublishPipeline.Site.Board;

/// <summary>
/// The board's order, urgent first: reports not yet published come before published ones; among them, those with a
/// deadline by days left (so the most overdue first, then the fewest days left), and at equal days by how far the
/// agency still has to go (未报送, 需修改, 校验中, 待审核, 已批准待发布); reports of a level without a deadline follow in the
/// same status order. Published reports come last, the late ones first (most days late first), then by publication
/// time. The agency id breaks every tie, so the order never depends on storage.
/// </summary>
public sealed class BoardOrder : IComparer<BoardRow>
{
    public static BoardOrder Instance { get; } = new();

    public int Compare(BoardRow? x, BoardRow? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byGroup = Group(x).CompareTo(Group(y));
        if (byGroup != 0)
        {
            return byGroup;
        }

        var byUrgency = Group(x) switch
        {
            0 => Chain(Nullable.Compare(x.DaysLeft, y.DaysLeft), x.Category.CompareTo(y.Category)),
            1 => x.Category.CompareTo(y.Category),
            _ => Chain(Nullable.Compare(y.DaysLate, x.DaysLate), Nullable.Compare(x.PublishedAt, y.PublishedAt)),
        };
        return byUrgency != 0 ? byUrgency : string.CompareOrdinal(x.AgencyId, y.AgencyId);
    }

    private static int Group(BoardRow row) => row.Category == BoardStatus.Published ? 2 : row.DaysLeft is null ? 1 : 0;

    private static int Chain(int first, int second) => first != 0 ? first : second;
}
