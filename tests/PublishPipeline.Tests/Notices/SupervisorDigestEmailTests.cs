using PublishPipeline.Notices;

namespace PublishPipeline.Tests.Notices;

public sealed class SupervisorDigestEmailTests
{
    private const string Board = "https://api.example.gov.cn/api/regions/lanxi/board?year=2026";

    private readonly EmailComposer composer = new();

    [Fact]
    public async Task States_the_counts_and_lists_the_urgent_agencies_first_with_their_links()
    {
        var email = await composer.ComposeSupervisorDigestAsync(Notice(
            Item("兰溪市文化和旅游局", "未报送", "尚未上传任何版本", "已逾期 3 天", true, null),
            Item("兰溪市教育局", "需修改", "第 1 版有 5 处错误", "已逾期 3 天", true, "https://api.example.gov.cn/api/submissions/jyj-2026-1"),
            Item("兰溪市人民政府", "待审核", "第 1 版自 2027年1月10日 09:00 起待审核", "还剩 56 天", false, "https://api.example.gov.cn/api/submissions/zf-2026-1")));

        Assert.Equal("【年报督导】兰溪市 2026 年度报告：2 个机关已逾期未发布", email.Subject);
        EmailAssert.SubjectIsOneLine(email);
        EmailAssert.BothBodiesContain(
            email,
            "截至 2027年2月3日（北京时间），兰溪市共 5 个机关报送 2026 年度报告，其中 2 个已逾期未发布。",
            "未报送 1 · 需修改 1 · 校验中 0 · 待审核 1 · 已批准待发布 0 · 已发布 2",
            "第 1 版有 5 处错误",
            Board,
            Board + "&format=csv");
        var rows = EmailAssert.DataRows(email).Select(r => r.QuerySelectorAll("td").Select(Html.Text).ToArray()).ToArray();
        Assert.Equal(["兰溪市文化和旅游局", "兰溪市教育局", "兰溪市人民政府"], rows.Select(r => r[1]));
        Assert.Equal(["2", "兰溪市教育局", "需修改", "第 1 版有 5 处错误", "2027年1月31日", "已逾期 3 天"], rows[1]);
        Assert.Equal(
            ["https://api.example.gov.cn/api/submissions/jyj-2026-1", "https://api.example.gov.cn/api/submissions/zf-2026-1", Board, Board + "&format=csv"],
            EmailAssert.Hrefs(email));
        Assert.True(email.Text.IndexOf("兰溪市文化和旅游局", StringComparison.Ordinal) < email.Text.IndexOf("兰溪市人民政府", StringComparison.Ordinal));
        EmailAssert.NoInjectedMarkup(email);
    }

    [Fact]
    public async Task A_region_with_everything_published_says_so()
    {
        var email = await composer.ComposeSupervisorDigestAsync(Notice() with { Overdue = 0 });

        Assert.Equal("【年报督导】兰溪市 2026 年度报告报送进度（每周）", email.Subject);
        EmailAssert.BothBodiesContain(email, "目前没有逾期未发布的机关。", "本地区所有机关的报告均已发布。");
        Assert.Empty(EmailAssert.Parse(email).QuerySelectorAll("table thead"));
    }

    [Fact]
    public async Task Names_from_the_directory_stay_text()
    {
        var email = await composer.ComposeSupervisorDigestAsync(Notice(
            Item("<script>alert(1)</script>局", "未报送", "尚未上传任何版本", "已逾期 3 天", true, "javascript:alert(1)")));

        EmailAssert.NoInjectedMarkup(email);
        EmailAssert.BothBodiesContain(email, "<script>alert(1)</script>局");
    }

    [Fact]
    public async Task Says_how_many_unpublished_agencies_the_email_leaves_to_the_board()
    {
        var email = await composer.ComposeSupervisorDigestAsync(Notice() with { NotListed = 4 });

        EmailAssert.BothBodiesContain(email, "另有 4 个尚未发布的机关未列出，请在看板中查看。");
    }

    private static SupervisorDigestItem Item(string name, string state, string detail, string days, bool overdue, string? url) =>
        new(name, state, detail, "2027年1月31日", days, overdue, url);

    private static SupervisorDigestNotice Notice(params SupervisorDigestItem[] items) => new(
        "兰溪市",
        2026,
        new DateOnly(2027, 2, 3),
        5,
        [("未报送", 1), ("需修改", 1), ("校验中", 0), ("待审核", 1), ("已批准待发布", 0), ("已发布", 2)],
        items.Count(i => i.Overdue),
        items,
        0,
        Board,
        Board + "&format=csv");
}
