using PublishPipeline.Notices;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Notices;

/// <summary>
/// Agency names, file names, people's addresses, comments, reasons, error text and URLs come from uploads, the
/// directory or people: in every workflow email they stay text, and subjects stay one line.
/// </summary>
public sealed class HostileWorkflowTextTests
{
    private const string Hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>'<b>粗</b>";

    /// <summary>Line breaks in an agency name must not start a new mail header (Bcc:) in the subject.</summary>
    private const string HostileAgency = "青山" + Hostile + "\r\nBcc: x@example.com\n";

    private const string HostileUrl = "javascript:alert(1)";

    private static readonly DateTimeOffset At = new(2027, 1, 5, 1, 30, 0, TimeSpan.Zero);

    public static TheoryData<string> Kinds() =>
    [
        NoticeKind.ReviewRequest, NoticeKind.Returned, NoticeKind.Approved, NoticeKind.Withdrawn, NoticeKind.Published,
        NoticeKind.DeadlineReminder, NoticeKind.ReviewDigest, NoticeKind.OperatorAlert,
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Untrusted_text_never_becomes_markup_and_subjects_stay_one_line(string kind)
    {
        var email = await Compose(kind);

        EmailAssert.SubjectIsOneLine(email);
        if (kind != NoticeKind.ReviewDigest)
        {
            // The agency name is in the subject, its line breaks turned into spaces (the digest's subject names no agency).
            Assert.Contains("Bcc: x@example.com", email.Subject, StringComparison.Ordinal);
        }

        EmailAssert.NoInjectedMarkup(email);
        Assert.DoesNotContain(HostileUrl, EmailAssert.Hrefs(email));
        EmailAssert.BothBodiesContain(email, "青山" + Hostile);
    }

    [Theory]
    [InlineData(NoticeKind.Returned)]
    [InlineData(NoticeKind.Withdrawn)]
    [InlineData(NoticeKind.OperatorAlert)]
    public async Task Free_text_keeps_its_lines_and_only_its_lines(string kind)
    {
        var email = await Compose(kind);

        var quote = EmailAssert.Parse(email).QuerySelector("div[style*='border-left']")!;
        Assert.DoesNotContain(quote.Children, e => e.LocalName != "br");
        Assert.Equal(2, quote.QuerySelectorAll("br").Length);
        EmailAssert.BothBodiesContain(email, "第一行" + Hostile, "第三行 \"引号\" & 'apos'");
    }

    [Fact]
    public async Task Hostile_file_names_and_submitters_in_the_review_request_stay_text()
    {
        var email = await Compose(NoticeKind.ReviewRequest);

        EmailAssert.BothBodiesContain(email, Hostile + ".docx", "li@example.com" + Hostile, "提示" + Hostile);
    }

    private const string FreeText = "第一行" + Hostile + "\r\n\u2028第三行 \"引号\" & 'apos'\n";

    private static Task<EmailContent> Compose(string kind)
    {
        var composer = new EmailComposer();
        return kind switch
        {
            NoticeKind.ReviewRequest => composer.ComposeReviewRequestAsync(new ReviewRequestNotice(
                "sub-9", HostileAgency, 2026, 2, Hostile + ".docx", "li@example.com" + Hostile, At,
                [new Finding { Rule = "H2", Severity = Severity.Warning, Message = "提示" + Hostile }], HostileUrl, HostileUrl)),
            NoticeKind.Returned => composer.ComposeReturnedAsync(new ReturnedNotice("sub-9", HostileAgency, 2026, 2, Hostile, At, FreeText, HostileUrl)),
            NoticeKind.Approved => composer.ComposeApprovedAsync(new ApprovedNotice("sub-9", HostileAgency, 2026, 2, Hostile, At, At, HostileUrl)),
            NoticeKind.Withdrawn => composer.ComposeWithdrawnAsync(new WithdrawnNotice("sub-9", HostileAgency, 2026, 2, Hostile, At, FreeText, true, HostileUrl)),
            NoticeKind.Published => composer.ComposePublishedAsync(new PublishedNotice("sub-9", HostileAgency, 2026, Hostile, HostileUrl, 1, 1)),
            NoticeKind.DeadlineReminder => composer.ComposeDeadlineReminderAsync(new DeadlineReminderNotice(HostileAgency, 2026, new DateOnly(2027, 1, 31), 3, DeadlineSituation.NeedsChanges, 2, HostileUrl)),
            NoticeKind.ReviewDigest => composer.ComposeReviewDigestAsync(new ReviewDigestNotice(At, [new ReviewDigestItem("sub-9", HostileAgency, 2026, 2, At, 1, HostileUrl)])),
            NoticeKind.OperatorAlert => composer.ComposeOperatorAlertAsync(new OperatorAlertNotice(Hostile, "sub-9", HostileAgency, FreeText, At, "publish-poison", true)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
