using PublishPipeline.Access;
using PublishPipeline.Submissions;

namespace PublishPipeline.Tests.Access;

/// <summary>A supervisor reads the agencies of their region and acts on none of them.</summary>
public sealed class AccessPolicyTests
{
    private static readonly SupervisedRegion Lanxi = new() { RowKey = "lanxi", Region = "浙江省/金华市/兰溪市", Supervisors = "boss@lanxi.example" };
    private static readonly SupervisedRegion Jiangyu = new() { RowKey = "jiangyu", Region = "江屿市", Supervisors = "head@jiangyu.example" };

    private static readonly Agency Wenlvj = new()
    {
        RowKey = "lanxi-wenlvj", Region = "浙江省/金华市/兰溪市/云山街道", Submitters = "clerk@lanxi-wenlvj.example", Reviewers = "reviewer@lanxi.example",
    };

    private static Caller Caller(string email) => new(email, "test");

    [Fact]
    public void The_region_supervisor_may_read_but_not_review_submit_or_withdraw()
    {
        var boss = Caller("BOSS@lanxi.example".ToLowerInvariant());

        Assert.True(AccessPolicy.CanRead(Wenlvj, [Lanxi, Jiangyu], boss));
        Assert.False(AccessPolicy.CanView(Wenlvj, boss));
        Assert.False(AccessPolicy.CanReview(Wenlvj, boss));
        Assert.False(AccessPolicy.CanSubmit(Wenlvj, boss));
        foreach (var state in Enum.GetValues<SubmissionState>())
        {
            Assert.False(AccessPolicy.CanWithdraw(Wenlvj, boss, state));
        }
    }

    [Fact]
    public void Another_regions_supervisor_and_strangers_may_not_read()
    {
        Assert.False(AccessPolicy.CanRead(Wenlvj, [Lanxi, Jiangyu], Caller("head@jiangyu.example")));
        Assert.False(AccessPolicy.CanRead(Wenlvj, [Lanxi, Jiangyu], Caller("someone@lanxi.example")));

        // Supervising a region that does not cover the agency gives nothing, even when it is passed in.
        Assert.False(AccessPolicy.CanRead(Wenlvj, [Jiangyu], Caller("boss@lanxi.example")));
    }

    [Fact]
    public void Submitters_and_reviewers_still_read_without_any_region()
    {
        Assert.True(AccessPolicy.CanRead(Wenlvj, [], Caller("clerk@lanxi-wenlvj.example")));
        Assert.True(AccessPolicy.CanRead(Wenlvj, [], Caller("reviewer@lanxi.example")));
    }
}
