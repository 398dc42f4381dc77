using PublishPipeline.Calendar;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline.Deadlines;

/// <summary>
/// Groups the reports awaiting review into one digest per reviewer. A reviewer only sees the agencies whose directory
/// entry names them; emails compare case-insensitively because people type them both ways.
/// </summary>
public static class DigestPlanner
{
    public static DigestPlan Plan(IEnumerable<Agency> agencies, IEnumerable<PendingReview> pending, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(pending);

        var reviewersByAgency = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var agency in agencies)
        {
            if (!reviewersByAgency.TryGetValue(agency.Id, out var reviewers))
            {
                reviewersByAgency[agency.Id] = reviewers = new SortedSet<string>(StringComparer.Ordinal);
            }

            reviewers.UnionWith(agency.ReviewerEmails.Select(e => e.ToLowerInvariant()));
        }

        var itemsByReviewer = new SortedDictionary<string, List<PendingReview>>(StringComparer.Ordinal);
        var unrouted = new List<PendingReview>();
        foreach (var item in pending.DistinctBy(p => p.SubmissionId).OrderBy(p => p.SubmittedAt).ThenBy(p => p.SubmissionId, StringComparer.Ordinal))
        {
            if (!reviewersByAgency.TryGetValue(item.AgencyId, out var reviewers) || reviewers.Count == 0)
            {
                unrouted.Add(item);
                continue;
            }

            foreach (var reviewer in reviewers)
            {
                if (!itemsByReviewer.TryGetValue(reviewer, out var items))
                {
                    itemsByReviewer[reviewer] = items = [];
                }

                items.Add(item);
            }
        }

        var day = ChinaTime.DateInChina(now);
        return new DigestPlan([.. itemsByReviewer.Select(r => new ReviewerDigest(r.Key, day, r.Value))], unrouted);
    }
}
