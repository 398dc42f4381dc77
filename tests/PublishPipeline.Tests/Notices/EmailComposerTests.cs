using AngleSharp.Dom;
using PublishPipeline.Notices;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Notices;

public sealed class EmailComposerTests
{
    private static readonly DateTimeOffset ReceivedAt = TestFindings.ReceivedAt;

    private static readonly Finding CarriedOutError = TestFindings.CarriedOutError;

    private static readonly Finding FeesError = TestFindings.FeesError;

    private static readonly Finding Warning = TestFindings.SectionWarning;

    private readonly EmailComposer composer = new();

    [Fact]
    public async Task Needs_changes_lists_each_error_with_cell_expected_and_actual()
    {
        var email = await composer.ComposeValidationResultAsync(Notice(ValidationOutcome.NeedsChanges, [CarriedOutError, FeesError, Warning]));

        Assert.Equal("【年报校验】2021年青山街道办事处政府信息公开工作年度报告：发现 2 处错误，请修改后重新提交", email.Subject);
        var html = Html.Parse(email.Html);
        var errorRows = html.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr");
        Assert.Equal(2, errorRows.Length);
        var first = Cells(errorRows[0]);
        Assert.Contains("收到和处理政府信息公开申请情况", first[1], StringComparison.Ordinal);
        Assert.Contains("四、结转下年度继续办理", first[1], StringComparison.Ordinal);
        Assert.Contains("总计", first[1], StringComparison.Ordinal);
        Assert.Equal([CarriedOutError.Message, "36", "35", "D1"], first[2..]);
        var second = Cells(errorRows[1]);
        Assert.Contains("第二十条第（八）项 行政事业性收费", second[1], StringComparison.Ordinal);
        Assert.Contains("本年收费金额（单位：万元）", second[1], StringComparison.Ordinal);
        Assert.Equal(["—", "-1.5"], second[3..5]);

        var warningRows = html.QuerySelectorAll("table")[1].QuerySelectorAll("tbody tr");
        Assert.Single(warningRows);
        Assert.Contains("第六部分「其他需要报告的事项」", Cells(warningRows[0])[1], StringComparison.Ordinal);

        foreach (var expected in new[] { CarriedOutError.Message, "四、结转下年度继续办理", "应为：36", "实为：35", "实为：-1.5", Warning.Message })
        {
            Assert.Contains(expected, email.Text, StringComparison.Ordinal);
        }

        Assert.True(email.Text.IndexOf(CarriedOutError.Message, StringComparison.Ordinal) < email.Text.IndexOf(Warning.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_body_carries_the_submission_facts_in_beijing_time()
    {
        var email = await composer.ComposeValidationResultAsync(Notice(ValidationOutcome.NeedsChanges, [CarriedOutError]));
        var html = Html.Parse(email.Html);

        foreach (var fact in new[] { "sub-20220301-7", "2021年青山街道报告.docx", "2022年3月1日 09:05", "https://example.gov.cn/status/sub-20220301-7" })
        {
            Assert.Contains(fact, html.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains(fact, email.Text, StringComparison.Ordinal);
        }

        Assert.Equal("https://example.gov.cn/status/sub-20220301-7", html.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("zh-CN", html.DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain("&#x", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_gives_the_reason()
    {
        var reason = new Finding { Rule = "A0", Severity = Severity.Error, Message = "文件不是政府信息公开工作年度报告：未找到报告标题和统计表" };

        var email = await composer.ComposeValidationResultAsync(Notice(ValidationOutcome.Rejected, [reason]));

        Assert.Contains("无法识别", email.Subject, StringComparison.Ordinal);
        Assert.Contains(reason.Message, Html.Parse(email.Html).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(reason.Message, email.Text, StringComparison.Ordinal);
        Assert.Empty(Html.Parse(email.Html).QuerySelectorAll("thead"));
    }

    [Fact]
    public async Task Accepted_says_it_passed_and_goes_to_publication()
    {
        var email = await composer.ComposeValidationResultAsync(Notice(ValidationOutcome.Accepted, [Warning]));

        Assert.Contains("校验通过", email.Subject, StringComparison.Ordinal);
        Assert.Contains("1 处提示", email.Subject, StringComparison.Ordinal);
        foreach (var body in new[] { Html.Parse(email.Html).Body!.TextContent, email.Text })
        {
            Assert.Contains("校验通过", body, StringComparison.Ordinal);
            Assert.Contains("发布流程", body, StringComparison.Ordinal);
            Assert.Contains(Warning.Message, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hostile_finding_text_and_file_names_stay_text()
    {
        const string Hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";
        var finding = CarriedOutError with { Message = Hostile };
        var notice = Notice(ValidationOutcome.NeedsChanges, [finding]) with
        {
            FileName = Hostile + ".docx",
            AgencyName = "青山\r\nBcc: x@example.com",
            StatusUrl = "javascript:alert(1)",
        };

        var email = await composer.ComposeValidationResultAsync(notice);
        var html = Html.Parse(email.Html);

        Assert.Empty(html.QuerySelectorAll("script, img"));
        Assert.DoesNotContain(html.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(html.All, e => e.Attributes.Any(a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(Hostile, html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Hostile + ".docx", html.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', email.Subject);
        Assert.DoesNotContain('\r', email.Subject);
    }

    [Fact]
    public async Task Published_gives_the_public_link()
    {
        var notice = new PublishedNotice("sub-1", "青山街道办事处", 2021, "2021年青山街道办事处政府信息公开工作年度报告",
            "https://reports.example.gov.cn/reports/2021/qingshan-jd/", 2);

        var email = await composer.ComposePublishedAsync(notice);

        Assert.Contains("已公开发布", email.Subject, StringComparison.Ordinal);
        var html = Html.Parse(email.Html);
        Assert.Equal(notice.PublicUrl, html.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(notice.PublicUrl, email.Text, StringComparison.Ordinal);
        Assert.Contains("2 处提示", email.Text, StringComparison.Ordinal);
        Assert.Contains(notice.Title, html.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "已提交政务公开办审核")]
    [InlineData(false, "已进入发布流程")]
    public async Task Accepted_report_says_whether_a_reviewer_comes_next(bool awaitsReview, string next)
    {
        var email = await new EmailComposer().ComposeValidationResultAsync(Notice(ValidationOutcome.Accepted, [Warning]) with { AwaitsReview = awaitsReview });

        Assert.Contains(next, email.Subject, StringComparison.Ordinal);
        Assert.Contains(next, email.Text, StringComparison.Ordinal);
        Assert.Contains(next, Html.Text(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(email.Html).Body!), StringComparison.Ordinal);
        var other = awaitsReview ? "已进入发布流程" : "已提交政务公开办审核";
        Assert.DoesNotContain(other, email.Text, StringComparison.Ordinal);
    }

    private static ValidationNotice Notice(ValidationOutcome outcome, IReadOnlyList<Finding> findings) =>
        new("sub-20220301-7", "青山街道办事处", 2021, "2021年青山街道报告.docx", ReceivedAt, outcome, findings,
            "https://example.gov.cn/status/sub-20220301-7");

    private static string[] Cells(IElement row) => row.QuerySelectorAll("td").Select(Html.Text).ToArray();
}
