using PublishPipeline.Notices;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Notices;

/// <summary>The emails of the review workflow: review request, returned, approved, withdrawn, and the corrected publication.</summary>
public sealed class WorkflowEmailTests
{
    // 2027-01-05 01:30 UTC is 09:30 in Beijing.
    private static readonly DateTimeOffset At = new(2027, 1, 5, 1, 30, 0, TimeSpan.Zero);

    private const string StatusUrl = "https://api.example.gov.cn/api/submissions/sub-9";

    private const string PreviewUrl = "https://api.example.gov.cn/api/submissions/sub-9/preview";

    private readonly EmailComposer composer = new();

    [Fact]
    public async Task Review_request_says_who_submitted_what_and_how_to_decide()
    {
        var email = await composer.ComposeReviewRequestAsync(ReviewRequest(Warnings(2)));

        Assert.Equal("【年报审核】2026年青山街道办事处政府信息公开工作年度报告（第 2 版）已通过自动校验，等待审核", email.Subject);
        EmailAssert.BothBodiesContain(email,
            "2026年青山街道办事处政府信息公开工作年度报告（第 2 版）已通过自动校验，等待您审核",
            "有 2 处提示", "提示 1", "提示 2", "li@qingshan.gov.cn", "2027年1月5日 09:30（北京时间）", "sub-9", "第 2 版",
            "青山街道年报.docx", "批准", "退回修改", PreviewUrl, StatusUrl);
        Assert.Equal([PreviewUrl, StatusUrl], EmailAssert.Hrefs(email));
        Assert.Equal(2, EmailAssert.DataRows(email).Length);
    }

    [Fact]
    public async Task Review_request_lists_only_the_first_warnings_and_says_how_many_there_are()
    {
        var email = await composer.ComposeReviewRequestAsync(ReviewRequest(Warnings(7)));

        var rows = EmailAssert.DataRows(email);
        Assert.Equal(ReviewRequestWording.ListedWarnings, rows.Length);
        Assert.Contains("提示 1", rows[0].TextContent, StringComparison.Ordinal);
        EmailAssert.BothBodiesContain(email, "有 7 处提示", "前 5 处", "提示 5");
        EmailAssert.NeitherBodyContains(email, "提示 6", "提示 7");
    }

    [Fact]
    public async Task Review_request_without_warnings_has_no_findings_table()
    {
        var email = await composer.ComposeReviewRequestAsync(ReviewRequest([]));

        Assert.Empty(EmailAssert.Parse(email).QuerySelectorAll("thead"));
        EmailAssert.BothBodiesContain(email, "没有提示");
    }

    [Fact]
    public async Task Returned_quotes_the_comments_line_by_line_and_says_to_upload_again()
    {
        var notice = new ReturnedNotice("sub-9", "青山街道办事处", 2026, 3, "wang@district.gov.cn", At,
            "1. 第二部分数字与上年不一致；\r\n2. 请补充收费说明。\n\n谢谢", StatusUrl);

        var email = await composer.ComposeReturnedAsync(notice);

        Assert.Equal("【年报审核】2026年青山街道办事处政府信息公开工作年度报告（第 3 版）已退回修改", email.Subject);
        EmailAssert.BothBodiesContain(email, "wang@district.gov.cn", "1. 第二部分数字与上年不一致；", "2. 请补充收费说明。", "谢谢",
            "修改后重新上传", "2027年1月5日 09:30（北京时间）", "第 3 版", StatusUrl);
        var quote = EmailAssert.Parse(email).QuerySelector("div[style*='border-left']")!;
        Assert.Equal(3, quote.QuerySelectorAll("br").Length);
        Assert.Contains("\n  2. 请补充收费说明。\n", email.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returned_without_comments_says_so()
    {
        var email = await composer.ComposeReturnedAsync(new ReturnedNotice("sub-9", "青山街道办事处", 2026, 3, "wang@district.gov.cn", At, " \r\n ", StatusUrl));

        EmailAssert.BothBodiesContain(email, ReturnedWording.NoComments);
    }

    [Fact]
    public async Task Approved_for_immediate_publication()
    {
        var email = await composer.ComposeApprovedAsync(new ApprovedNotice("sub-9", "青山街道办事处", 2026, 2, "wang@district.gov.cn", At, null, StatusUrl));

        Assert.Equal("【年报审核】2026年青山街道办事处政府信息公开工作年度报告（第 2 版）已通过审核，将立即发布", email.Subject);
        EmailAssert.BothBodiesContain(email, "wang@district.gov.cn", "将立即发布", "2027年1月5日 09:30（北京时间）", "sub-9", StatusUrl);
        EmailAssert.NeitherBodyContains(email, "将于");
    }

    [Fact]
    public async Task Approved_for_a_scheduled_time_gives_it_in_beijing_time()
    {
        var scheduled = new DateTimeOffset(2027, 1, 19, 16, 0, 0, TimeSpan.Zero); // 2027-01-20 00:00 in Beijing

        var email = await composer.ComposeApprovedAsync(new ApprovedNotice("sub-9", "青山街道办事处", 2026, 2, "wang@district.gov.cn", At, scheduled, StatusUrl));

        const string When = "将于 2027年1月20日 00:00（北京时间）发布";
        Assert.Contains(When, email.Subject, StringComparison.Ordinal);
        EmailAssert.BothBodiesContain(email, When);
        EmailAssert.NeitherBodyContains(email, "将立即发布");
    }

    [Fact]
    public async Task Withdrawn_after_publication_says_the_public_page_was_taken_down()
    {
        var email = await composer.ComposeWithdrawnAsync(Withdrawn(wasPublished: true));

        Assert.Equal("【年报撤回】2026年青山街道办事处政府信息公开工作年度报告（第 4 版）已撤回，公开页面已撤下", email.Subject);
        EmailAssert.BothBodiesContain(email, "已由 li@qingshan.gov.cn 撤回", "误传了草稿", "将上传正式版本", WithdrawnWording.TakenDown,
            "2027年1月5日 09:30（北京时间）", "第 4 版", StatusUrl);
    }

    [Fact]
    public async Task Withdrawn_before_publication_says_nothing_about_a_public_page()
    {
        var email = await composer.ComposeWithdrawnAsync(Withdrawn(wasPublished: false));

        Assert.DoesNotContain("公开页面", email.Subject, StringComparison.Ordinal);
        EmailAssert.NeitherBodyContains(email, "公开页面");
        EmailAssert.BothBodiesContain(email, "误传了草稿");
    }

    [Fact]
    public async Task Published_correction_names_the_version_it_replaces()
    {
        var email = await composer.ComposePublishedAsync(Published() with { ReplacesVersion = 1 });

        Assert.Contains("更正版本", email.Subject, StringComparison.Ordinal);
        EmailAssert.BothBodiesContain(email, "本次发布为更正版本，已替换此前公开的第 1 版");
    }

    [Fact]
    public async Task Published_first_version_is_no_correction()
    {
        var email = await composer.ComposePublishedAsync(Published());

        Assert.DoesNotContain("更正", email.Subject, StringComparison.Ordinal);
        EmailAssert.NeitherBodyContains(email, "更正版本");
    }

    private static ReviewRequestNotice ReviewRequest(IReadOnlyList<Finding> findings) =>
        new("sub-9", "青山街道办事处", 2026, 2, "青山街道年报.docx", "li@qingshan.gov.cn", At, findings, PreviewUrl, StatusUrl);

    private static WithdrawnNotice Withdrawn(bool wasPublished) =>
        new("sub-9", "青山街道办事处", 2026, 4, "li@qingshan.gov.cn", At, "误传了草稿\n将上传正式版本", wasPublished, StatusUrl);

    private static PublishedNotice Published() =>
        new("sub-9", "青山街道办事处", 2026, "2026年青山街道办事处政府信息公开工作年度报告", "https://reports.example.gov.cn/reports/2026/qingshan-jd/", 0);

    private static Finding[] Warnings(int count) =>
        Enumerable.Range(1, count)
            .Select(i => new Finding { Rule = "H2", Severity = Severity.Warning, Location = new FindingLocation { Section = "other" }, Message = $"提示 {i}：请核对" })
            .ToArray();
}
