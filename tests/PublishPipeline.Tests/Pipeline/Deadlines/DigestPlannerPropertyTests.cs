using CsCheck;
using PublishPipeline.Agencies;
using PublishPipeline.Pipeline.Deadlines;
using static PublishPipeline.Tests.Pipeline.Deadlines.DirectoryEntries;

namespace PublishPipeline.Tests.Pipeline.Deadlines;

/// <summary>For any directory and queue: each pending report reaches exactly its agency's reviewers, in order, or the operator.</summary>
public class DigestPlannerPropertyTests
{
    private static readonly string[] People = ["wang@x.cn", "li@x.cn", "zhao@y.cn", "chen@y.cn"];

    private static readonly Gen<string> Email = Gen.Select(Gen.OneOf(People), Gen.Bool.Array[9], (email, upper) =>
        new string([.. email.Select((c, i) => upper[i % 9] ? char.ToUpperInvariant(c) : c)]));

    private static readonly Gen<(List<List<string>> Reviewers, List<(int Agency, int Minutes)> Pending)> Cases =
        Gen.Select(Email.List[0, 3].List[1, 5], Gen.Select(Gen.Int[0, 6], Gen.Int[0, 50]).List[0, 12]);

    [Fact]
    public void Each_pending_report_reaches_exactly_its_agencys_reviewers_oldest_first()
    {
        Cases.Sample(c =>
        {
            var agencies = c.Reviewers.Select((r, i) => Agency("agency-" + i, AgencyLevels.Department, reviewers: string.Join(';', r))).ToList();
            var start = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var pending = c.Pending.Select((p, i) => new PendingReview("s" + i, "agency-" + p.Agency, "名称", 2026, 1, start.AddMinutes(p.Minutes), 0)).ToList();

            var plan = DigestPlanner.Plan(agencies, pending, start);

            foreach (var item in pending)
            {
                var expected = item.AgencyId is var id && agencies.Find(a => a.Id == id) is { } agency
                    ? agency.ReviewerEmails.Select(e => e.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList()
                    : [];
                var actual = plan.Digests.Where(d => d.Items.Contains(item)).Select(d => d.ReviewerEmail).ToList();
                Assert.Equal(expected, actual);
                Assert.Equal(expected.Count == 0, plan.Unrouted.Contains(item));
            }

            Assert.All(plan.Digests, d =>
            {
                Assert.NotEmpty(d.Items);
                Assert.Equal(d.ReviewerEmail.ToLowerInvariant(), d.ReviewerEmail);
                Assert.Equal(d.Items.OrderBy(i => i.SubmittedAt).Select(i => i.SubmittedAt), d.Items.Select(i => i.SubmittedAt));
            });
            Assert.Equal(plan.Digests.Select(d => d.ReviewerEmail).Distinct().Count(), plan.Digests.Count);
        }, iter: 300);
    }
}
