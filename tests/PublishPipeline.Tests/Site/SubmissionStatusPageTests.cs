using AngleSharp.Dom;
using PublishPipeline.Reports;
using PublishPipeline.Site;

namespace PublishPipeline.Tests.Site;

public sealed class SubmissionStatusPageTests
{
    private const string Id = "0123456789abcdef01234567";
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static readonly DateTimeOffset ReceivedAt = TestFindings.ReceivedAt;

    private static readonly Finding CarriedOutError = TestFindings.CarriedOutError;

    private static readonly Finding CappedError = TestFindings.FeesError with { Omitted = 4 };

    private static readonly Finding SectionWarning = TestFindings.SectionWarning;

    private readonly SiteRenderer renderer = new();

    [Fact]
    public async Task Shows_the_report_and_this_version()
    {
        var dom = await RenderAsync(Model());

        Assert.Equal("2021年青山街道办事处政府信息公开工作年度报告", Html.Text(dom.QuerySelector("h1")!));
        Assert.Contains("第2版", dom.Title, StringComparison.Ordinal);
        var facts = Facts(dom.GetElementById("version")!);
        Assert.Equal("青山街道办事处（qingshan-jd） 2021年", facts["报告"]);
        Assert.Equal("第2版", facts["版本"]);
        Assert.Equal("2021年报告（定稿）.docx", facts["文件名"]);
        Assert.Equal("48.2 KB（49,321 字节）", facts["大小"]);
        Assert.Equal("9f86d081884c", facts["SHA-256"]);
        Assert.Equal(Sha, dom.GetElementById("version")!.QuerySelector("code")!.GetAttribute("title"));
        Assert.Equal("2022年3月1日 09:05（北京时间）", facts["收到时间"]);
        Assert.Equal("2022-03-01T01:05:00Z", dom.GetElementById("version")!.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("clerk@qingshan.gov.cn", facts["提交人"]);
        Assert.Equal(Id, facts["提交编号"]);
        Assert.False(facts.ContainsKey("发布时间"));
        Assert.False(facts.ContainsKey("定时发布"));
    }

    [Theory]
    [InlineData("Received", "已收到")]
    [InlineData("NeedsChanges", "需修改")]
    [InlineData("Approved", "已批准（待发布）")]
    [InlineData("Withdrawn", "已撤回")]
    public async Task Shows_the_state_in_chinese_with_its_reason(string state, string chinese)
    {
        var dom = await RenderAsync(Model() with { State = state, Reason = "审核人退回：请补充第五部分" });

        Assert.Equal(chinese, Html.Text(dom.QuerySelector("main > .summary .state")!));
        Assert.Equal("原因：审核人退回：请补充第五部分", Html.Text(dom.QuerySelector(".reason")!));
    }

    [Fact]
    public async Task No_reason_paragraph_without_a_reason()
    {
        var dom = await RenderAsync(Model() with { Reason = "  " });

        Assert.Null(dom.QuerySelector(".reason"));
    }

    [Fact]
    public async Task Findings_are_listed_errors_then_warnings_with_location_expected_and_actual()
    {
        var dom = await RenderAsync(Model() with { Findings = [SectionWarning, CarriedOutError, CappedError, new Finding { Rule = "X", Severity = Severity.Info, Message = "仅供参考" }] });

        var tables = dom.QuerySelectorAll("#findings table");
        Assert.Equal(2, tables.Length);
        Assert.Equal("错误（2 处，须修改）", Html.Text(tables[0].QuerySelector("caption")!));
        Assert.Equal("提示（1 处，请核对）", Html.Text(tables[1].QuerySelector("caption")!));

        var errorRows = tables[0].QuerySelectorAll("tbody tr").Select(Cells).ToList();
        Assert.Equal(2, errorRows.Count);
        Assert.Equal("1", errorRows[0][0]);
        Assert.Contains("表：收到和处理政府信息公开申请情况", errorRows[0][1], StringComparison.Ordinal);
        Assert.Contains("四、结转下年度继续办理", errorRows[0][1], StringComparison.Ordinal);
        Assert.Equal([CarriedOutError.Message, "36", "35", "D1"], errorRows[0][2..]);
        Assert.Contains("第二十条第（八）项 行政事业性收费", errorRows[1][1], StringComparison.Ordinal);
        Assert.Equal("收费金额不是数字（同类问题另有 4 处未列出）", errorRows[1][2]);
        Assert.Equal(["—", "-1.5", "C2"], errorRows[1][3..]);

        var warningRow = Assert.Single(tables[1].QuerySelectorAll("tbody tr").Select(Cells));
        Assert.Equal(["1", "第六部分「其他需要报告的事项」", SectionWarning.Message, "—", "—", "H2"], warningRow);
        Assert.DoesNotContain("仅供参考", Html.Text(dom.GetElementById("findings")!), StringComparison.Ordinal);

        // The rule id (D1, C2) is one unbroken word: its column never wraps, whatever the message beside it.
        Assert.All(tables.SelectMany(t => t.QuerySelectorAll("tbody tr")), row => Assert.Equal("rule", row.Children[^1].ClassName));
        Assert.Matches(@"\.status-table \.rule \{ white-space: nowrap;", dom.QuerySelector("style")!.TextContent);
    }

    [Fact]
    public async Task A_clean_version_says_so()
    {
        var dom = await RenderAsync(Model() with { Findings = [] });

        Assert.Empty(dom.QuerySelectorAll("#findings table"));
        Assert.Equal("未发现错误或提示。", Html.Text(dom.QuerySelector("#findings p")!));
    }

    [Fact]
    public async Task Audit_trail_lists_every_transition_in_chinese()
    {
        var dom = await RenderAsync(Model());

        var table = dom.QuerySelector("#audit table")!;
        Assert.Equal(["时间", "操作人", "从", "到", "原因"], table.QuerySelectorAll("thead th").Select(Html.Text));
        var rows = table.QuerySelectorAll("tbody tr").Select(Cells).ToList();
        Assert.Equal(
            [
                ["2022年3月1日 09:05", "clerk@qingshan.gov.cn", "—", "已收到", "已上传"],
                ["2022年3月1日 09:06", "系统（自动校验）", "已收到", "待审核", "校验通过（1 处提示）"],
                ["2022年3月2日 16:00", "reviewer@city.gov.cn", "待审核", "已批准（待发布）", "同意发布"],
            ],
            rows);
    }

    [Fact]
    public async Task Other_versions_link_to_their_status_pages_newest_first()
    {
        var dom = await RenderAsync(Model());

        var rows = dom.QuerySelectorAll("#versions tbody tr").ToList();
        Assert.Equal([["第3版", "需修改", "2022年3月5日 08:00"], ["第1版", "已被取代", "2022年2月20日 08:00"]], rows.Select(Cells));
        Assert.Equal(
            ["/api/submissions/cccccccccccccccccccccccc", "/api/submissions/aaaaaaaaaaaaaaaaaaaaaaaa"],
            rows.Select(r => r.QuerySelector("a")!.GetAttribute("href")));
    }

    [Fact]
    public async Task The_only_version_says_there_are_no_others()
    {
        var dom = await RenderAsync(Model() with { OtherVersions = [] });

        Assert.Empty(dom.QuerySelectorAll("#versions table"));
        Assert.Equal("暂无其他版本。", Html.Text(dom.QuerySelector("#versions p")!));
    }

    [Fact]
    public async Task Links_to_the_preview_only_when_a_report_is_stored()
    {
        var with = await RenderAsync(Model());
        var without = await RenderAsync(Model() with { PreviewAvailable = false, State = "Rejected" });

        Assert.Equal($"/api/submissions/{Id}/preview", with.QuerySelector("a.preview-link")!.GetAttribute("href"));
        Assert.Null(without.QuerySelector("a.preview-link"));
    }

    [Fact]
    public async Task Published_version_links_its_public_page_and_dates()
    {
        var publishedAt = new DateTimeOffset(2022, 3, 3, 0, 0, 0, TimeSpan.Zero);
        var dom = await RenderAsync(Model() with { State = "Published", PublicUrl = "https://reports.example.cn/reports/2021/qingshan-jd/", PublishedAt = publishedAt });

        var link = dom.QuerySelector(".public-url a")!;
        Assert.Equal("https://reports.example.cn/reports/2021/qingshan-jd/", link.GetAttribute("href"));
        Assert.Equal("2022年3月3日 08:00（北京时间）", Facts(dom.GetElementById("version")!)["发布时间"]);
    }

    [Fact]
    public async Task A_public_url_that_is_not_http_is_shown_but_not_linked()
    {
        var dom = await RenderAsync(Model() with { PublicUrl = "javascript:alert(1)" });

        Assert.Null(dom.QuerySelector(".public-url a"));
        Assert.Equal("公开页面：javascript:alert(1)", Html.Text(dom.QuerySelector(".public-url")!));
        PrivatePageChecks.AssertNoInjectedMarkup(dom);
    }

    [Fact]
    public async Task Scheduled_publication_is_shown()
    {
        var dom = await RenderAsync(Model() with { ScheduledPublishAt = new DateTimeOffset(2022, 3, 10, 1, 0, 0, TimeSpan.Zero) });

        Assert.Equal("2022年3月10日 09:00（北京时间）", Facts(dom.GetElementById("version")!)["定时发布"]);
    }

    [Fact]
    public async Task No_actions_without_permission()
    {
        var dom = await RenderAsync(Model());

        Assert.Empty(dom.QuerySelectorAll("form"));
        Assert.Null(dom.GetElementById("actions"));
        Assert.Empty(dom.QuerySelectorAll("button, input, textarea"));
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("return")]
    [InlineData("withdraw")]
    [InlineData("publish")]
    public async Task Each_permission_shows_exactly_its_form(string action)
    {
        var model = Model() with
        {
            CanApprove = action == "approve",
            CanReturn = action == "return",
            CanWithdraw = action == "withdraw",
            CanPublish = action == "publish",
            ConcurrencyToken = "W/\"datetime'2022-03-01T01%3A06%3A00Z'\"",
        };

        var dom = await RenderAsync(model);

        var form = Assert.Single(dom.QuerySelectorAll("form"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal($"/api/submissions/{Id}/{action}", form.GetAttribute("action"));
        Assert.Equal($"action-{action}", form.ClassName);
        Assert.Equal(model.ConcurrencyToken, form.QuerySelector("input[type=hidden][name=etag]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
        switch (action)
        {
            case "return":
                var comments = form.QuerySelector("textarea[name=comments]")!;
                Assert.True(comments.HasAttribute("required"));
                Assert.Equal(comments.Id, form.QuerySelector("label")!.GetAttribute("for"));
                break;
            case "withdraw":
                Assert.True(form.QuerySelector("input[name=reason]")!.HasAttribute("required"));
                break;
            case "approve":
                // The scheduled time the API takes (Beijing, optional) and the optional comment; the hint says what each does.
                var approveAt = form.QuerySelector("input[name=publishAt]")!;
                Assert.Equal("datetime-local", approveAt.GetAttribute("type"));
                Assert.False(approveAt.HasAttribute("required"));
                Assert.Equal(approveAt.Id, form.QuerySelector("label")!.GetAttribute("for"));
                Assert.Contains("北京时间", Html.Text(form.QuerySelector("label")!), StringComparison.Ordinal);
                Assert.False(form.QuerySelector("textarea[name=comments]")!.HasAttribute("required"));
                Assert.Contains("留空则批准后立即发布", Html.Text(form.QuerySelector(".hint")!), StringComparison.Ordinal);
                break;
            case "publish":
                var publishAt = form.QuerySelector("input[name=publishAt]")!;
                Assert.Equal("datetime-local", publishAt.GetAttribute("type"));
                Assert.False(publishAt.HasAttribute("required"));
                Assert.Contains("定时发布", Html.Text(form.QuerySelector("label")!), StringComparison.Ordinal);
                break;
            default:
                Assert.Empty(form.QuerySelectorAll("textarea, input:not([type=hidden])"));
                break;
        }
    }

    [Fact]
    public async Task All_permissions_show_all_forms_and_no_token_field_without_a_token()
    {
        var dom = await RenderAsync(Model() with { CanApprove = true, CanReturn = true, CanWithdraw = true, CanPublish = true });

        Assert.Equal(["action-approve", "action-return", "action-publish", "action-withdraw"], dom.QuerySelectorAll("form").Select(f => f.ClassName));
        Assert.Empty(dom.QuerySelectorAll("input[type=hidden]"));
    }

    [Fact]
    public async Task Page_is_private_self_contained_and_scriptless()
    {
        var dom = await RenderAsync(Model() with { CanApprove = true, CanReturn = true });

        PrivatePageChecks.AssertSelfContainedAndUnindexed(dom);
        Assert.Null(dom.QuerySelector(".preview-banner"));
        Assert.Contains("请勿转发", Html.Text(dom.QuerySelector("footer")!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_never_becomes_markup()
    {
        const string Script = "<script>alert(1)</script>";
        const string Img = "\"><img src=x onerror=alert(1)>";
        var model = Model() with
        {
            AgencyName = Script,
            AgencyId = Img,
            Reason = Img,
            Version = new SubmissionVersionFacts(2, Script + ".docx", 10, Img, ReceivedAt, Img + "@x.cn"),
            Findings = [CarriedOutError with { Message = Script + Img, Rule = Img }],
            Audit = [new StatusAuditEntry(ReceivedAt, Script, Img, Script, Img)],
            OtherVersions = [new OtherVersionEntry("javascript:alert(1)", 1, Img, ReceivedAt)],
            PublicUrl = Img,
            ConcurrencyToken = Img,
            CanApprove = true,
        };

        var dom = await RenderAsync(model);

        PrivatePageChecks.AssertNoInjectedMarkup(dom);
        var facts = Facts(dom.GetElementById("version")!);
        Assert.Equal(Script + ".docx", facts["文件名"]);
        Assert.Equal(Img + "@x.cn", facts["提交人"]);
        Assert.Equal($"2021年{Script}政府信息公开工作年度报告", Html.Text(dom.QuerySelector("h1")!));
        Assert.Equal("原因：" + Img, Html.Text(dom.QuerySelector(".reason")!));
        Assert.Equal([Script + Img, "36", "35", Img], Cells(dom.QuerySelector("#findings tbody tr")!)[2..]);
        Assert.Equal([Script, Img, Script, Img], Cells(dom.QuerySelector("#audit tbody tr")!)[1..]);
        Assert.Equal("/api/submissions/javascript%3Aalert%281%29", dom.QuerySelector("#versions a")!.GetAttribute("href"));
        Assert.Equal(Img, dom.QuerySelector("input[name=etag]")!.GetAttribute("value"));
    }

    private async Task<IDocument> RenderAsync(SubmissionStatusModel model) => Html.Parse(await renderer.RenderSubmissionStatusAsync(model));

    private static SubmissionStatusModel Model() => new()
    {
        SubmissionId = Id,
        AgencyId = "qingshan-jd",
        AgencyName = "青山街道办事处",
        Year = 2021,
        Version = new SubmissionVersionFacts(2, "2021年报告（定稿）.docx", 49_321, Sha, ReceivedAt, "clerk@qingshan.gov.cn"),
        State = "AwaitingReview",
        Findings = [SectionWarning],
        Audit =
        [
            new StatusAuditEntry(ReceivedAt, "clerk@qingshan.gov.cn", "", "Received", "已上传"),
            new StatusAuditEntry(ReceivedAt.AddMinutes(1), "system:ingest", "Received", "AwaitingReview", "校验通过（1 处提示）"),
            new StatusAuditEntry(new DateTimeOffset(2022, 3, 2, 8, 0, 0, TimeSpan.Zero), "reviewer@city.gov.cn", "AwaitingReview", "Approved", "同意发布"),
        ],
        OtherVersions =
        [
            new OtherVersionEntry("aaaaaaaaaaaaaaaaaaaaaaaa", 1, "Superseded", new DateTimeOffset(2022, 2, 20, 0, 0, 0, TimeSpan.Zero)),
            new OtherVersionEntry("cccccccccccccccccccccccc", 3, "NeedsChanges", new DateTimeOffset(2022, 3, 5, 0, 0, 0, TimeSpan.Zero)),
        ],
        PreviewAvailable = true,
    };

    private static string[] Cells(IElement row) => row.Children.Select(Html.Text).ToArray();

    private static Dictionary<string, string> Facts(IElement container) =>
        container.QuerySelectorAll("dt").ToDictionary(Html.Text, dt => Html.Text(dt.NextElementSibling!));
}
