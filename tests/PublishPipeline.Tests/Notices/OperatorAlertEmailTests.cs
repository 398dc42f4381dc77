using PublishPipeline.Notices;

namespace PublishPipeline.Tests.Notices;

public sealed class OperatorAlertEmailTests
{
    private static readonly DateTimeOffset FailedAt = new(2027, 1, 5, 1, 30, 0, TimeSpan.Zero);

    private readonly EmailComposer composer = new();

    [Fact]
    public async Task Names_the_stage_submission_agency_error_and_what_was_done()
    {
        var notice = new OperatorAlertNotice("publish", "sub-9", "青山街道办事处",
            "Azure.RequestFailedException: Status 403\nThis request is not authorized", FailedAt, "publish-poison", SubmissionMarkedFailed: true);

        var email = await composer.ComposeOperatorAlertAsync(notice);

        Assert.Equal("【年报系统告警】发布（publish）处理失败：青山街道办事处，提交 sub-9", email.Subject);
        EmailAssert.BothBodiesContain(email, "发布（publish）", "sub-9", "青山街道办事处", "Status 403", "This request is not authorized",
            "2027年1月5日 09:30（北京时间）", "publish-poison", "已将该提交标记为「处理失败」");
        Assert.Single(EmailAssert.Parse(email).QuerySelectorAll("div[style*='border-left'] br"));
    }

    [Fact]
    public async Task A_message_without_a_submission_marks_nothing()
    {
        var notice = new OperatorAlertNotice("notices", null, null, "message body is not JSON", FailedAt, "notices-poison", SubmissionMarkedFailed: false);

        var email = await composer.ComposeOperatorAlertAsync(notice);

        Assert.Equal("【年报系统告警】邮件通知（notices）处理失败：消息已移入 notices-poison", email.Subject);
        EmailAssert.BothBodiesContain(email, "未对应任何提交", "message body is not JSON");
        EmailAssert.NeitherBodyContains(email, "已将该提交标记");
        var facts = EmailAssert.Parse(email).QuerySelectorAll("table[role=presentation] tr")
            .ToDictionary(r => Html.Text(r.Children[0]), r => Html.Text(r.Children[1]));
        Assert.Equal("—", facts["提交编号"]);
        Assert.Equal("—", facts["机关"]);
    }

    [Fact]
    public async Task An_unknown_stage_is_named_as_given()
    {
        var email = await composer.ComposeOperatorAlertAsync(new OperatorAlertNotice("archive", "sub-9", "青山街道办事处", "boom", FailedAt, "archive-poison", true));

        Assert.StartsWith("【年报系统告警】archive处理失败", email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_error_is_cut_to_a_summary()
    {
        var error = new string('x', OperatorAlertWording.MaxErrorLength) + "TAIL-NOT-SHOWN";

        var email = await composer.ComposeOperatorAlertAsync(new OperatorAlertNotice("ingest", "sub-9", "青山街道办事处", error, FailedAt, "ingest-poison", true));

        EmailAssert.BothBodiesContain(email, "（已截断）");
        EmailAssert.NeitherBodyContains(email, "TAIL-NOT-SHOWN");
    }
}
