using PublishPipeline.Agencies;
using PublishPipeline.Pipeline.Deadlines;
using static PublishPipeline.Tests.Pipeline.Deadlines.DirectoryEntries;

namespace PublishPipeline.Tests.Pipeline.Deadlines;

public class DigestPlannerTests
{
    // 2027-01-25 01:30 in Beijing.
    private static readonly DateTimeOffset Now = new(2027, 1, 24, 17, 30, 0, TimeSpan.Zero);

    private static PendingReview Pending(string id, string agencyId, DateTimeOffset submittedAt, int warnings = 0) =>
        new(id, agencyId, agencyId + "名称", 2026, 1, submittedAt, warnings);

    private static DateTimeOffset At(int day, int hour) => new(2027, 1, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_reviewer_of_two_agencies_gets_one_digest_with_both_oldest_first()
    {
        var agencies = new[]
        {
            Agency("lanxi-wenlvj", AgencyLevels.Department, reviewers: "wang@lanxi.gov.cn"),
            Agency("lanxi-jyj", AgencyLevels.Department, reviewers: "wang@lanxi.gov.cn; zhao@lanxi.gov.cn"),
        };
        var pending = new[] { Pending("s-new", "lanxi-wenlvj", At(20, 9)), Pending("s-old", "lanxi-jyj", At(18, 15), warnings: 2) };

        var plan = DigestPlanner.Plan(agencies, pending, Now);

        Assert.Equal(["wang@lanxi.gov.cn", "zhao@lanxi.gov.cn"], plan.Digests.Select(d => d.ReviewerEmail));
        Assert.Equal(["s-old", "s-new"], plan.Digests[0].Items.Select(i => i.SubmissionId));
        Assert.Equal(["s-old"], plan.Digests[1].Items.Select(i => i.SubmissionId));
        Assert.Empty(plan.Unrouted);
    }

    [Fact]
    public void Emails_differing_only_in_case_are_one_reviewer_written_in_lower_case()
    {
        var agencies = new[]
        {
            Agency("a", AgencyLevels.Department, reviewers: "Li.Na@Example.GOV.cn"),
            Agency("b", AgencyLevels.Department, reviewers: "li.na@example.gov.cn;LI.NA@EXAMPLE.GOV.CN"),
        };

        var digest = Assert.Single(DigestPlanner.Plan(agencies, [Pending("s1", "a", At(1, 8)), Pending("s2", "b", At(2, 8))], Now).Digests);

        Assert.Equal("li.na@example.gov.cn", digest.ReviewerEmail);
        Assert.Equal(["s1", "s2"], digest.Items.Select(i => i.SubmissionId));
    }

    [Fact]
    public void A_reviewer_sees_only_the_agencies_that_name_them()
    {
        var agencies = new[] { Agency("a", AgencyLevels.Department, reviewers: "a@x.cn"), Agency("b", AgencyLevels.Department, reviewers: "b@x.cn") };

        var plan = DigestPlanner.Plan(agencies, [Pending("s1", "a", At(1, 8))], Now);

        Assert.Equal("a@x.cn", Assert.Single(plan.Digests).ReviewerEmail);
    }

    [Fact]
    public void Reports_submitted_at_the_same_moment_are_ordered_by_submission_id_and_a_repeated_one_listed_once()
    {
        var agencies = new[] { Agency("a", AgencyLevels.Department, reviewers: "r@x.cn") };
        var pending = new[] { Pending("s-b", "a", At(3, 8)), Pending("s-a", "a", At(3, 8)), Pending("s-b", "a", At(3, 8)), Pending("s-0", "a", At(3, 7)) };

        var digest = Assert.Single(DigestPlanner.Plan(agencies, pending, Now).Digests);

        Assert.Equal(["s-0", "s-a", "s-b"], digest.Items.Select(i => i.SubmissionId));
    }

    [Fact]
    public void Reports_no_reviewer_will_see_are_returned_for_the_operator()
    {
        var agencies = new[] { Agency("nobody", AgencyLevels.Department, reviewers: ""), Agency("a", AgencyLevels.Department, reviewers: "r@x.cn") };

        var plan = DigestPlanner.Plan(agencies, [Pending("s1", "nobody", At(1, 8)), Pending("s2", "gone", At(2, 8)), Pending("s3", "a", At(3, 8))], Now);

        Assert.Equal(["s1", "s2"], plan.Unrouted.Select(i => i.SubmissionId));
        Assert.Equal(["s3"], Assert.Single(plan.Digests).Items.Select(i => i.SubmissionId));
    }

    [Fact]
    public void Nothing_pending_means_no_digest()
    {
        Assert.Empty(DigestPlanner.Plan([Agency("a", AgencyLevels.Department, reviewers: "r@x.cn")], [], Now).Digests);
    }

    [Theory]
    [InlineData(15, 59, "20270124")]
    [InlineData(16, 0, "20270125")]
    public void The_digest_key_counts_the_day_in_Beijing(int utcHour, int utcMinute, string day)
    {
        var now = new DateTimeOffset(2027, 1, 24, utcHour, utcMinute, 0, TimeSpan.Zero);

        var digest = Assert.Single(DigestPlanner.Plan([Agency("a", AgencyLevels.Department, reviewers: "R@x.cn")], [Pending("s1", "a", At(1, 8))], now).Digests);

        Assert.Equal("r@x.cn-" + day, digest.Key);
    }
}
