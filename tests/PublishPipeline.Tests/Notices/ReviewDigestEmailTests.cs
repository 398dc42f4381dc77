using PublishPipeline.Notices;

namespace PublishPipeline.Tests.Notices;

public sealed class ReviewDigestEmailTests
{
    // 2027-01-10 02:00 UTC is 10:00 in Beijing.
    private static readonly DateTimeOffset AsOf = new(2027, 1, 10, 2, 0, 0, TimeSpan.Zero);

    private readonly EmailComposer composer = new();

    [Fact]
    public async Task Lists_the_reports_oldest_first_with_their_facts_and_counts_them_in_the_subject()
    {
        var newest = Item("sub-3", "青山街道办事处", new DateTimeOffset(2027, 1, 9, 17, 0, 0, TimeSpan.Zero), 0); // Beijing 1月10日 01:00
        var oldest = Item("sub-1", "白水镇人民政府", new DateTimeOffset(2027, 1, 2, 20, 0, 0, TimeSpan.Zero), 4); // Beijing 1月3日 04:00
        var middle = Item("sub-2", "区教育局", new DateTimeOffset(2027, 1, 7, 3, 0, 0, TimeSpan.Zero), 1);

        var email = await composer.ComposeReviewDigestAsync(new ReviewDigestNotice(AsOf, [newest, oldest, middle]));

        Assert.Equal("【年报审核】您有 3 份年度报告等待审核", email.Subject);
        var rows = EmailAssert.DataRows(email).Select(r => r.QuerySelectorAll("td").Select(Html.Text).ToArray()).ToArray();
        Assert.Equal(["白水镇人民政府", "区教育局", "青山街道办事处"], rows.Select(r => r[1]));
        Assert.Equal(["1", "白水镇人民政府", "2026", "第 2 版", "2027年1月3日 04:00（北京时间）", "7 天", "4", oldest.PreviewUrl], rows[0]);
        Assert.Equal("当天", rows[2][5]);
        Assert.Equal([oldest.PreviewUrl, middle.PreviewUrl, newest.PreviewUrl], EmailAssert.Hrefs(email));

        var text = email.Text;
        Assert.True(text.IndexOf("白水镇", StringComparison.Ordinal) < text.IndexOf("区教育局", StringComparison.Ordinal));
        Assert.True(text.IndexOf("区教育局", StringComparison.Ordinal) < text.IndexOf("青山街道", StringComparison.Ordinal));
        EmailAssert.BothBodiesContain(email, "2027年1月10日 10:00（北京时间）", "3 份", "最早的一份已等待 7 天", "sub-1", oldest.PreviewUrl, "2027年1月3日 04:00（北京时间）");
    }

    [Fact]
    public async Task Waiting_days_count_beijing_calendar_days()
    {
        // 2027-01-09 15:59 UTC is 23:59 on 1月9日 in Beijing: one day before the digest's 1月10日, though only 10 hours earlier.
        var item = Item("sub-1", "青山街道办事处", new DateTimeOffset(2027, 1, 9, 15, 59, 0, TimeSpan.Zero), 0);

        var email = await composer.ComposeReviewDigestAsync(new ReviewDigestNotice(AsOf, [item]));

        Assert.Equal("1 天", Html.Text(EmailAssert.DataRows(email).Single().QuerySelectorAll("td")[5]));
        Assert.Contains("已等待：1 天", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_digest_says_there_is_nothing_to_review()
    {
        var email = await composer.ComposeReviewDigestAsync(new ReviewDigestNotice(AsOf, []));

        Assert.Contains("没有等待您审核", email.Subject, StringComparison.Ordinal);
        Assert.Empty(EmailAssert.Parse(email).QuerySelectorAll("table"));
        EmailAssert.BothBodiesContain(email, "没有等待您审核的年度报告");
    }

    private static ReviewDigestItem Item(string id, string agency, DateTimeOffset submittedAt, int warnings) =>
        new(id, agency, 2026, 2, submittedAt, warnings, $"https://api.example.gov.cn/api/submissions/{id}/preview");
}
