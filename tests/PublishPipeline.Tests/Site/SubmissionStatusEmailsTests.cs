using AngleSharp.Dom;
using PublishPipeline.Site;

namespace PublishPipeline.Tests.Site;

/// <summary>The status page's "邮件通知" section: each email of the version with its recipients, subject, time and delivery status.</summary>
public sealed class SubmissionStatusEmailsTests
{
    private static readonly DateTimeOffset SentAt = new(2022, 3, 1, 1, 6, 0, TimeSpan.Zero);

    private readonly SiteRenderer renderer = new();

    [Fact]
    public async Task Each_email_shows_its_recipients_subject_sent_time_and_delivery_status()
    {
        var dom = await RenderAsync(
            new StatusEmailEntry("validation-result", "校验结果通知", [new("clerk@qingshan.gov.cn", "已送达")], "【校验通过】2021年青山街道办事处年报", SentAt, "已送达", "ok", SentAt.AddMinutes(1), null),
            new StatusEmailEntry("published", "发布通知", [new("clerk@qingshan.gov.cn", null)], "【已发布】2021年青山街道办事处年报", null, "发送中（已尝试 2 次，将自动重试）", "pending", null, null));

        var rows = dom.QuerySelectorAll("#emails tbody tr").ToList();
        Assert.Equal(["validation-result", "published"], rows.Select(r => r.GetAttribute("data-notice")));
        var cells = rows[0].Children.Select(Html.Text).ToArray();
        Assert.Equal("校验结果通知", cells[0]);
        Assert.Equal("clerk@qingshan.gov.cn", cells[1]); // one recipient: the row's status is theirs
        Assert.Equal("【校验通过】2021年青山街道办事处年报", cells[2]);
        Assert.Equal("2022年3月1日 09:06", cells[3]);
        Assert.Equal("2022-03-01T01:06:00Z", rows[0].QuerySelector("td:nth-child(4) time")!.GetAttribute("datetime"));
        Assert.Equal("已送达", Html.Text(rows[0].QuerySelector(".delivery-status")!));
        Assert.Equal("2022-03-01T01:07:00Z", rows[0].QuerySelector("td.delivery time")!.GetAttribute("datetime"));
        Assert.Contains("ok", rows[0].QuerySelector("td.delivery")!.ClassList);

        Assert.Equal("—", Html.Text(rows[1].Children[3]));
        Assert.Equal("发送中（已尝试 2 次，将自动重试）", Html.Text(rows[1].QuerySelector(".delivery-status")!));
    }

    [Fact]
    public async Task Several_recipients_each_show_their_own_status_and_a_problem_is_marked()
    {
        var dom = await RenderAsync(new StatusEmailEntry(
            "withdrawn", "撤回通知", [new("a@x.cn", "已送达"), new("b@x.cn", "退信")], "撤回", SentAt, "退信", "problem", SentAt, "550 5.1.1 no such user"));

        var row = dom.QuerySelector("#emails tbody tr")!;
        Assert.Equal(["a@x.cn（已送达）", "b@x.cn（退信）"], row.QuerySelectorAll("ul.recipients li").Select(Html.Text));
        Assert.Contains("problem", row.QuerySelector("td.delivery")!.ClassList);
        Assert.Equal("550 5.1.1 no such user", Html.Text(row.QuerySelector(".delivery-reason")!));
    }

    [Fact]
    public async Task Text_from_an_upload_or_from_sendgrid_is_escaped()
    {
        const string Script = "<script>alert(1)</script>";
        var dom = await RenderAsync(new StatusEmailEntry(
            "published", "发布通知", [new("x@x.cn" + Script, null)], "主题" + Script, SentAt, "退信", "problem", SentAt, "550 " + Script));

        Assert.Empty(dom.QuerySelectorAll("#emails script"));
        Assert.Contains(Script, dom.QuerySelector("#emails")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_email_yet_says_so()
    {
        var dom = await RenderAsync();
        Assert.Equal("暂无邮件。", Html.Text(dom.QuerySelector("#emails .summary")!));
        Assert.Empty(dom.QuerySelectorAll("#emails table"));
    }

    private async Task<IDocument> RenderAsync(params StatusEmailEntry[] emails) =>
        Html.Parse(await renderer.RenderSubmissionStatusAsync(new SubmissionStatusModel
        {
            SubmissionId = "0123456789abcdef01234567",
            AgencyId = "qingshan-jd",
            AgencyName = "青山街道办事处",
            Year = 2021,
            Version = new SubmissionVersionFacts(1, "年报.docx", 1000, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", SentAt, "clerk@qingshan.gov.cn"),
            State = "AwaitingReview",
            PreviewAvailable = false,
            Emails = emails,
        }));
}
