using AngleSharp.Dom;
using PublishPipeline.Reports;
using PublishPipeline.Site;

namespace PublishPipeline.Tests.Site;

public sealed class PreviewPageTests
{
    // 2022-01-10 02:30 UTC is 10:30 in Beijing.
    private static readonly DateTimeOffset ReceivedAt = new(2022, 1, 10, 2, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PublishedAt = new(2022, 1, 20, 2, 0, 0, TimeSpan.Zero);

    private readonly SiteRenderer renderer = new();

    public static TheoryData<string> Templates => new() { "2019", "2021" };

    [Fact]
    public async Task Banner_names_agency_year_version_state_and_warnings()
    {
        var document = TestReports.Full("2021");
        document.Findings =
        [
            new Finding { Rule = "H2", Severity = Severity.Warning, Message = "提示一" },
            new Finding { Rule = "H3", Severity = Severity.Warning, Message = "提示二" },
            new Finding { Rule = "X1", Severity = Severity.Info, Message = "说明" },
        ];

        var dom = await RenderAsync(new PreviewModel(document, "qingshan-jd", "青山街道办事处", 2021, 3, "AwaitingReview", "0123456789abcdef01234567", ReceivedAt));

        var banner = dom.QuerySelector(".preview-banner")!;
        Assert.Equal("预览：本页尚未公开", Html.Text(banner.QuerySelector(".preview-title")!));
        var facts = Facts(banner);
        Assert.Equal("青山街道办事处（qingshan-jd）", facts["机关"]);
        Assert.Equal("2021年", facts["年度"]);
        Assert.Equal("第3版", facts["版本"]);
        Assert.Equal("待审核", facts["状态"]);
        Assert.Equal("2 处", facts["提示"]);
        Assert.False(facts.ContainsKey("错误"));
        Assert.Equal("2022年1月10日 10:30（北京时间）", facts["收到时间"]);
        Assert.Equal("0123456789abcdef01234567", facts["提交编号"]);
        Assert.StartsWith("预览：本页尚未公开", dom.Title, StringComparison.Ordinal);

        // The banner comes before the report, so nobody mistakes the page for the public one.
        Assert.True(banner.CompareDocumentPosition(dom.QuerySelector("article.report")!).HasFlag(DocumentPositions.Following));
    }

    [Fact]
    public async Task Errors_are_counted_in_the_banner_when_there_are_any()
    {
        var document = TestReports.Full("2021");
        document.Findings = [new Finding { Rule = "D1", Severity = Severity.Error, Message = "错误" }];

        var dom = await RenderAsync(Model(document) with { State = "NeedsChanges" });

        var facts = Facts(dom.QuerySelector(".preview-banner")!);
        Assert.Equal("1 处", facts["错误"]);
        Assert.Equal("0 处", facts["提示"]);
        Assert.Equal("需修改", facts["状态"]);
    }

    [Fact]
    public async Task Page_is_private_self_contained_and_scriptless()
    {
        var dom = await RenderAsync(Model(TestReports.Full("2021")));

        PrivatePageChecks.AssertSelfContainedAndUnindexed(dom);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Report_is_rendered_exactly_as_on_the_public_page(string templateId)
    {
        var preview = await RenderAsync(Model(TestReports.Full(templateId)));
        var published = Html.Parse(await renderer.RenderReportAsync(new ReportPageModel(TestReports.Full(templateId), "qingshan-jd", "青山街道办事处", PublishedAt, "sub-1")));

        var previewTables = Tables(preview);
        Assert.NotEmpty(previewTables);
        Assert.Equal(Tables(published), previewTables);
        Assert.Equal(
            published.QuerySelectorAll("section.report-section").Select(s => s.OuterHtml),
            preview.QuerySelectorAll("section.report-section").Select(s => s.OuterHtml));
        Assert.Equal(Html.Text(published.QuerySelector("h1")!), Html.Text(preview.QuerySelector("h1")!));
        Assert.Equal(published.QuerySelector("nav.toc")!.OuterHtml, preview.QuerySelector("nav.toc")!.OuterHtml);

        // The only differences in the header: no publication date yet, and the download is not a link.
        var previewMeta = Facts(preview.QuerySelector(".report-meta")!);
        var publishedMeta = Facts(published.QuerySelector(".report-meta")!);
        Assert.Equal("尚未发布", previewMeta["发布日期"]);
        Assert.Equal(publishedMeta.Where(p => p.Key != "发布日期"), previewMeta.Where(p => p.Key != "发布日期"));
    }

    [Fact]
    public async Task Links_to_public_pages_that_may_not_exist_yet_are_text()
    {
        var dom = await RenderAsync(Model(TestReports.Full("2021")));

        Assert.Empty(dom.QuerySelectorAll("a[href='/'], a[href='report.json']"));
        Assert.Equal("首页", Html.Text(dom.QuerySelector("nav.breadcrumb span")!));
        Assert.Equal("政府信息公开工作年度报告", Html.Text(dom.QuerySelector(".site-header .site-name")!));
        Assert.All(dom.QuerySelectorAll(".downloads"), p => Assert.Contains("下载本报告开放数据（JSON）", Html.Text(p), StringComparison.Ordinal));

        // What remains: in-page anchors, and the way back to this submission's status page on the API host.
        var hrefs = dom.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.All(hrefs, href => Assert.True(href.StartsWith('#') || href == "/api/submissions/0123456789abcdef01234567", href));
        Assert.Contains("/api/submissions/0123456789abcdef01234567", hrefs);
    }

    [Fact]
    public async Task A_draft_without_a_year_gets_the_submission_year_as_when_published()
    {
        var document = TestReports.Full("2021");
        document.Report.Year = null;
        document.Report.Title = null;

        var dom = await RenderAsync(Model(document));

        Assert.Equal("2021年青山街道办事处政府信息公开工作年度报告", Html.Text(dom.QuerySelector("h1")!));
        Assert.Equal("2021年", Facts(dom.QuerySelector(".report-meta")!)["报告年度"]);
        Assert.Null(dom.QuerySelector(".year-mismatch"));
    }

    [Fact]
    public async Task A_draft_of_another_year_is_shown_at_the_submission_year_with_both_years_named()
    {
        // Text and title say 2021; the version was submitted for 2099 (A8): it never gets a page of 2021.
        var document = TestReports.Full("2021");
        document.Findings = [new Finding { Rule = "A8", Severity = Severity.Error, Message = "报告标题和统计期限写的是2021年，但本次提交的是2099年度的报告" }];

        var dom = await RenderAsync(Model(document) with { Year = 2099, State = "NeedsChanges" });

        var banner = dom.QuerySelector(".preview-banner")!;
        Assert.Equal("2099年", Facts(banner)["年度"]);
        Assert.Equal("年度不一致：报告中写的是2021年，但本版本是按2099年度提交的，不能发布。下面按提交的年度（2099年）显示，请核对年度后重新提交。", Html.Text(banner.QuerySelector(".year-mismatch")!));
        Assert.Equal("首页 › 2099年 › 青山街道办事处", Html.Text(dom.QuerySelector("nav.breadcrumb")!));
        Assert.Equal("2099年", Facts(dom.QuerySelector(".report-meta")!)["报告年度"]);

        // The draft's own words are not rewritten: its title still says what it says.
        Assert.StartsWith("2021年", Html.Text(dom.QuerySelector("h1")!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_of_the_submission_year_has_no_year_note()
    {
        var dom = await RenderAsync(Model(TestReports.Full("2021")));

        Assert.Null(dom.QuerySelector(".year-mismatch"));
        Assert.Equal("首页 › 2021年 › 青山街道办事处", Html.Text(dom.QuerySelector("nav.breadcrumb")!));
    }

    [Fact]
    public async Task Hostile_text_never_becomes_markup()
    {
        const string Script = "<script>alert(1)</script>";
        const string Img = "\"><img src=x onerror=alert(1)>";
        var document = TestReports.Full("2021");
        document.Report.Title = Script + Img;
        document.Report.Sections[0].Text = Img;
        var model = new PreviewModel(document, Img, Script + Img, 2021, 1, Script, "javascript:alert(1)/" + Img, ReceivedAt);

        var html = await renderer.RenderPreviewAsync(model);
        var dom = Html.Parse(html);

        PrivatePageChecks.AssertNoInjectedMarkup(dom);
        var facts = Facts(dom.QuerySelector(".preview-banner")!);
        Assert.Equal($"{Script}{Img}（{Img}）", facts["机关"]);
        Assert.Equal(Script, facts["状态"]);
        Assert.Equal("javascript:alert(1)/" + Img, facts["提交编号"]);
        Assert.Equal(Script + Img, Html.Text(dom.QuerySelector("h1")!));
        Assert.Equal(Img, Html.Text(dom.GetElementById("overview")!.QuerySelector("p")!));

        // The submission id only ever reaches an href escaped into one path segment.
        var statusLink = dom.QuerySelector(".preview-banner a")!.GetAttribute("href")!;
        Assert.Equal("/api/submissions/" + Uri.EscapeDataString("javascript:alert(1)/" + Img), statusLink);
    }

    [Fact]
    public async Task Chinese_is_written_as_characters()
    {
        var html = await renderer.RenderPreviewAsync(Model(TestReports.Full("2021")));

        Assert.Contains("预览：本页尚未公开", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
        Assert.StartsWith("<!doctype html>", html, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<IDocument> RenderAsync(PreviewModel model) => Html.Parse(await renderer.RenderPreviewAsync(model));

    /// <summary>A version submitted for the year its document states (2021 when it states none).</summary>
    private static PreviewModel Model(ReportDocument document) =>
        new(document, "qingshan-jd", "青山街道办事处", document.Report.Year ?? 2021, 2, "AwaitingReview", "0123456789abcdef01234567", ReceivedAt);

    /// <summary>Every table's caption and every header and data cell's text and spans, in document order.</summary>
    private static List<string> Tables(IDocument dom) =>
        dom.QuerySelectorAll("table").SelectMany(table => table.QuerySelectorAll("caption, th, td")
            .Select(c => $"{c.LocalName}|{c.GetAttribute("rowspan")}|{c.GetAttribute("colspan")}|{Html.Text(c)}")).ToList();

    private static Dictionary<string, string> Facts(IElement container) =>
        container.QuerySelectorAll("dt").ToDictionary(Html.Text, dt => Html.Text(dt.NextElementSibling!));
}
