using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using PublishPipeline.Site;
using PublishPipeline.Site.Board;
using PublishPipeline.Submissions;
using static PublishPipeline.Tests.Site.Board.BoardFixtures;

namespace PublishPipeline.Tests.Site.Board;

public sealed class SupervisorBoardPageTests
{
    private readonly SiteRenderer renderer = new();

    private async Task<IDocument> RenderAsync(RegionBoard board, RenderFragment? rollUp = null) =>
        Html.Parse(await renderer.RenderSupervisorBoardAsync(new SupervisorBoardModel(board, BoardYear.Choices(board.Today)), rollUp));

    [Fact]
    public async Task Shows_the_counts_then_every_agency_urgent_first_linking_to_its_status_page()
    {
        var dom = await RenderAsync(BoardOf());

        Assert.Equal("兰溪市 2026 年度报告报送进度", Html.Text(dom.QuerySelector("h1")!));
        Assert.Equal(
            ["未报送2", "需修改1", "校验中0", "待审核2", "已批准待发布1", "已发布2", "已逾期未发布4"],
            dom.QuerySelectorAll(".board-counts li").Select(Html.Text));
        var rows = dom.QuerySelectorAll(".board-table tbody tr");
        Assert.Equal(["nosub", "refused", "fix", "review", "county", "sched", "late", "ontime"], rows.Select(r => r.GetAttribute("data-agency")));
        Assert.Equal(
            ["fix局", "需修改", "已逾期 3 天", "第 1 版有 5 处错误", "2027年1月31日", "部门"],
            rows[2].Children.Select(Html.Text));
        Assert.Equal("/api/submissions/" + SubmissionIds.For("fix", Year, 1), rows[2].QuerySelector("th a")!.GetAttribute("href"));
        Assert.Null(rows[0].QuerySelector("a"));
        Assert.Contains("overdue", rows[0].ClassList);
        Assert.Contains("overdue", dom.QuerySelectorAll(".board-counts li")[^1].ClassList);
        Assert.DoesNotContain("overdue", rows[4].ClassList);
        Assert.Equal("按期发布", Html.Text(rows[7].QuerySelector(".days")!));
        PrivatePageChecks.AssertSelfContainedAndUnindexed(dom);
    }

    [Fact]
    public async Task Offers_the_years_and_the_csv_of_the_year_shown()
    {
        var dom = await RenderAsync(BoardOf());

        var form = dom.QuerySelector(".board-tools form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/api/regions/lanxi/board", form.GetAttribute("action"));
        var options = form.QuerySelectorAll("select[name=year] option");
        Assert.Equal("2027", options[0].GetAttribute("value"));
        Assert.Equal("2026", Assert.Single(options, o => o.HasAttribute("selected")).GetAttribute("value"));
        Assert.Equal("/api/regions/lanxi/board?year=2026&format=csv", dom.QuerySelector("a.board-csv")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Leaves_a_place_for_the_regional_roll_up()
    {
        Assert.Null((await RenderAsync(BoardOf())).GetElementById("rollup"));

        var dom = await RenderAsync(BoardOf(), builder => builder.AddMarkupContent(0, "<p class=\"rollup-test\">汇总</p>"));

        Assert.Equal("汇总", Html.Text(dom.GetElementById("rollup")!.QuerySelector(".rollup-test")!));
    }

    [Fact]
    public async Task Directory_text_is_text()
    {
        var board = BoardOf(agencies: [Agency("odd", "部门", name: "<img src=x onerror=alert(1)>局")], versions: []);

        var dom = await RenderAsync(board);

        PrivatePageChecks.AssertNoInjectedMarkup(dom);
        Assert.Equal("<img src=x onerror=alert(1)>局", Html.Text(dom.QuerySelector(".board-table tbody th")!));
    }

    [Fact]
    public async Task The_landing_page_links_each_supervised_region_to_its_board()
    {
        var dom = Html.Parse(await renderer.RenderSupervisedRegionsAsync(new SupervisedRegionsModel(
            "boss@lanxi.example", 2026, [new SupervisedRegionEntry("lanxi", "兰溪市", "浙江省/金华市/兰溪市", "兰溪市政务公开办")])));

        Assert.Equal("/api/regions/lanxi/board?year=2026", Assert.Single(dom.QuerySelectorAll("main a")).GetAttribute("href"));
        PrivatePageChecks.AssertSelfContainedAndUnindexed(dom);
    }
}
