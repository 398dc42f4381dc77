using PublishPipeline.Site;
using PublishPipeline.Submissions;

namespace PublishPipeline.Tests.Site;

public sealed class StateNamesTests
{
    [Theory]
    [InlineData("Received", "已收到")]
    [InlineData("Rejected", "无法受理")]
    [InlineData("NeedsChanges", "需修改")]
    [InlineData("AwaitingReview", "待审核")]
    [InlineData("Approved", "已批准（待发布）")]
    [InlineData("Published", "已发布")]
    [InlineData("Superseded", "已被取代")]
    [InlineData("Withdrawn", "已撤回")]
    [InlineData("Failed", "处理失败")]
    public void Each_state_has_its_chinese_name(string state, string chinese) =>
        Assert.Equal(chinese, StateNames.Chinese(state));

    [Fact]
    public void Every_submission_state_is_named_in_chinese_and_no_two_alike()
    {
        // A state added to the enum but not to the map would be shown under its English name.
        var states = Enum.GetNames<SubmissionState>();
        var names = states.Select(StateNames.Chinese).ToList();

        Assert.DoesNotContain(names, states.Contains);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void No_state_is_a_dash(string? state) => Assert.Equal("—", StateNames.Chinese(state));

    [Fact]
    public void An_unknown_state_is_shown_as_stored() => Assert.Equal("Archived", StateNames.Chinese("Archived"));
}
