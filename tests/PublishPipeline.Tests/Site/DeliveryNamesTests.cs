using System.Reflection;
using PublishPipeline.Notices;
using PublishPipeline.Pipeline;
using PublishPipeline.Site;

namespace PublishPipeline.Tests.Site;

public sealed class DeliveryNamesTests
{
    [Fact]
    public void Every_delivery_status_has_a_chinese_name()
    {
        var statuses = typeof(DeliveryStatus).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(statuses.Order(), DeliveryNames.NamedDeliveries.Order());
    }

    [Fact]
    public void Every_email_about_a_submission_has_a_chinese_name()
    {
        // The kinds sent to a submission's people; reminders, digests and alerts are keyed elsewhere, never on its page.
        string[] kinds = [NoticeKind.ValidationResult, NoticeKind.Published, NoticeKind.ReviewRequest, NoticeKind.Returned, NoticeKind.Approved, NoticeKind.Withdrawn];
        Assert.Equal(kinds.Order(), DeliveryNames.NamedKinds.Order());
    }

    [Theory]
    [InlineData(DeliveryStatus.Delivered, "已送达", "ok")]
    [InlineData(DeliveryStatus.Opened, "已送达（已打开）", "ok")]
    [InlineData(DeliveryStatus.Bounced, "退信", "problem")]
    [InlineData(DeliveryStatus.Dropped, "被丢弃", "problem")]
    [InlineData(DeliveryStatus.SpamReport, "被标记为垃圾邮件", "problem")]
    [InlineData(DeliveryStatus.Processed, "发送中", "pending")]
    [InlineData(DeliveryStatus.Deferred, "延迟投递（重试中）", "pending")]
    public void A_sent_email_shows_what_sendgrid_reported(string delivery, string text, string cssClass)
    {
        var entry = SubmissionEmails.From(Record(NoticeRecord.Sent, delivery));
        Assert.Equal(text, entry.Status);
        Assert.Equal(cssClass, entry.StatusClass);
    }

    [Fact]
    public void An_email_not_sent_shows_what_the_sending_knows()
    {
        Assert.Equal("已发出", SubmissionEmails.From(Record(NoticeRecord.Sent, null)).Status);
        Assert.Equal("发送中", SubmissionEmails.From(Record(NoticeRecord.Queued, null)).Status);
        Assert.Equal("发送中（已尝试 3 次，将自动重试）", SubmissionEmails.From(Record(NoticeRecord.Queued, null).WithError(3)).Status);

        var failed = SubmissionEmails.From(new NoticeRecord { RowKey = NoticeKind.Published, Status = NoticeRecord.Failed, LastStatusCode = 401, To = "a@x.cn" });
        Assert.Equal("发送失败（永久）", failed.Status);
        Assert.Equal("problem", failed.StatusClass);
        Assert.Contains("401", failed.Reason, StringComparison.Ordinal);
        Assert.Equal("发布通知", failed.KindName);
    }

    [Fact]
    public void A_delivery_recorded_before_a_failure_is_not_shown_as_the_status()
    {
        // Only a sent email has a delivery status; an event racing a failed send does not make it look delivered.
        var entry = SubmissionEmails.From(Record(NoticeRecord.Queued, DeliveryStatus.Delivered));
        Assert.Equal("发送中", entry.Status);
        Assert.Null(entry.StatusAt);
    }

    [Fact]
    public void Each_recipient_shows_its_own_status()
    {
        var record = new NoticeRecord { RowKey = NoticeKind.Withdrawn, Status = NoticeRecord.Sent, To = "a@x.cn;B@x.cn" };
        RecipientDeliveries.Apply(record, [new("a@x.cn", DeliveryStatus.Delivered, DateTimeOffset.UnixEpoch, null), new("b@x.cn", DeliveryStatus.Bounced, DateTimeOffset.UnixEpoch, "550")]);
        var entry = SubmissionEmails.From(record);
        Assert.Equal([new StatusEmailRecipient("a@x.cn", "已送达"), new StatusEmailRecipient("B@x.cn", "退信")], entry.Recipients);
        Assert.Equal("退信", entry.Status);
    }

    private static NoticeRecord Record(string status, string? delivery) => new()
    {
        RowKey = NoticeKind.ValidationResult,
        Status = status,
        To = "a@x.cn",
        DeliveryStatus = delivery,
        DeliveryAt = delivery is null ? null : DateTimeOffset.UnixEpoch,
    };
}

internal static class NoticeRecordTestExtensions
{
    public static NoticeRecord WithError(this NoticeRecord record, int attempts)
    {
        record.Attempts = attempts;
        record.LastError = "SendGrid answered 429";
        return record;
    }
}
