using PublishPipeline.Notices;

namespace PublishPipeline.Tests.Notices;

public sealed class DeadlineReminderEmailTests
{
    private const string SubmitUrl = "https://api.example.gov.cn/submit?agency=qingshan-jd&year=2026";

    private static readonly DateOnly Deadline = new(2027, 1, 31);

    private readonly EmailComposer composer = new();

    [Fact]
    public async Task Not_submitted_gives_the_deadline_the_days_left_and_the_upload_link()
    {
        var email = await composer.ComposeDeadlineReminderAsync(new DeadlineReminderNotice("青山街道办事处", 2026, Deadline, 5, DeadlineSituation.NotSubmitted, null, SubmitUrl));

        Assert.Equal("【年报提醒】2026年青山街道办事处政府信息公开工作年度报告尚未报送，报送截止日期2027年1月31日（还剩 5 天）", email.Subject);
        EmailAssert.BothBodiesContain(email, "尚未报送2026年青山街道办事处政府信息公开工作年度报告", "2027年1月31日", "还有 5 天", "还剩 5 天", SubmitUrl);
        Assert.Equal([SubmitUrl], EmailAssert.Hrefs(email));
        EmailAssert.NeitherBodyContains(email, "尚须修改", "版）");
    }

    [Fact]
    public async Task Needs_changes_names_the_latest_version()
    {
        var email = await composer.ComposeDeadlineReminderAsync(new DeadlineReminderNotice("青山街道办事处", 2026, Deadline, 12, DeadlineSituation.NeedsChanges, 3, SubmitUrl));

        Assert.Contains("尚待修改", email.Subject, StringComparison.Ordinal);
        EmailAssert.BothBodiesContain(email, "最新版本（第 3 版）尚须修改", "还剩 12 天", "2027年1月31日");
        EmailAssert.NeitherBodyContains(email, "尚未报送2026年");
    }

    [Theory]
    [InlineData(1, "还剩 1 天")]
    [InlineData(0, "今天截止")]
    [InlineData(-2, "已逾期 2 天")]
    public async Task Days_left_read_naturally_on_and_after_the_deadline(int daysLeft, string expected)
    {
        var email = await composer.ComposeDeadlineReminderAsync(new DeadlineReminderNotice("青山街道办事处", 2026, Deadline, daysLeft, DeadlineSituation.NotSubmitted, null, SubmitUrl));

        Assert.Contains(expected, email.Subject, StringComparison.Ordinal);
        EmailAssert.BothBodiesContain(email, expected);
    }

    [Fact]
    public async Task The_march_deadline_of_a_government_report_is_written_as_given()
    {
        var email = await composer.ComposeDeadlineReminderAsync(new DeadlineReminderNotice("青山区人民政府", 2026, new DateOnly(2027, 3, 31), 30, DeadlineSituation.NotSubmitted, null, SubmitUrl));

        EmailAssert.BothBodiesContain(email, "2027年3月31日", "还剩 30 天");
    }
}
