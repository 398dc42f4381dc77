using PublishPipeline.Cli.Dev;
using PublishPipeline.Submissions;

namespace PublishPipeline.Tests.Cli;

/// <summary>The link <c>pubpipe dev</c> prints for a sample supervisor: signs them in and opens their region's board.</summary>
public sealed class SupervisorSignInLinkTests
{
    private static readonly SupervisedRegion Lanxi = new() { RowKey = "lanxi", Region = "浙江省/金华市/兰溪市", Supervisors = "supervisor@lanxi-zwgk.example" };

    private static SampleSubmitter.Result Result(string agencyId, string region, int year) =>
        new($"{year}-{agencyId}.txt", $"{agencyId}-{year}-v1", "Published", null, 0, 0, null) { Report = (new Agency { RowKey = agencyId, Region = region }, year) };

    [Fact]
    public void Opens_the_board_at_the_newest_year_submitted_for_one_of_the_regions_agencies()
    {
        var url = SampleSubmitter.BoardSignInUrl(
            "http://127.0.0.1:7071/",
            Lanxi,
            [Result("lanxi-wenlvj", "浙江省/金华市/兰溪市", 2020), Result("lanxi-jyj", "浙江省/金华市/兰溪市/云山街道", 2021), Result("qingshan", "江屿市/青山街道", 2024)]);

        Assert.Equal("http://127.0.0.1:7071/_dev/login?user=supervisor%40lanxi-zwgk.example&next=%2Fapi%2Fregions%2Flanxi%2Fboard%3Fyear%3D2021", url);
    }

    [Fact]
    public void Without_a_sample_of_the_region_it_opens_the_default_year_and_without_a_supervisor_nothing()
    {
        Assert.EndsWith("next=%2Fapi%2Fregions%2Flanxi%2Fboard", SampleSubmitter.BoardSignInUrl("http://127.0.0.1:7071", Lanxi, []), StringComparison.Ordinal);
        Assert.Null(SampleSubmitter.BoardSignInUrl("http://127.0.0.1:7071", new SupervisedRegion { RowKey = "x", Region = "某县" }, []));
    }
}
