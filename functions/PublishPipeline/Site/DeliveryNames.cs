using System.Globalization;
using PublishPipeline.Notices;

namespace PublishPipeline.Site;

/// <summary>How the status page names an email and what became of it, in Chinese.</summary>
public static class DeliveryNames
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        [NoticeKind.ValidationResult] = "校验结果通知",
        [NoticeKind.Published] = "发布通知",
        [NoticeKind.ReviewRequest] = "审核请求",
        [NoticeKind.Returned] = "退回修改通知",
        [NoticeKind.Approved] = "批准通知",
        [NoticeKind.Withdrawn] = "撤回通知",
    };

    private static readonly Dictionary<string, string> Deliveries = new(StringComparer.Ordinal)
    {
        [DeliveryStatus.Processed] = "发送中",
        [DeliveryStatus.Deferred] = "延迟投递（重试中）",
        [DeliveryStatus.Delivered] = "已送达",
        [DeliveryStatus.Opened] = "已送达（已打开）",
        [DeliveryStatus.Bounced] = "退信",
        [DeliveryStatus.Dropped] = "被丢弃",
        [DeliveryStatus.SpamReport] = "被标记为垃圾邮件",
    };

    public static string Kind(string kind) => Kinds.GetValueOrDefault(kind, kind);

    /// <summary>The Chinese name of a delivery status reported by SendGrid; a status this map does not know is shown as stored.</summary>
    public static string Delivery(string status) => Deliveries.GetValueOrDefault(status, status);

    /// <summary>
    /// What became of the email as a whole: what SendGrid's events say once it was sent, otherwise what the sending
    /// knows (still being sent and retried, refused for good, nobody to send it to).
    /// </summary>
    public static string Status(NoticeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Status switch
        {
            NoticeRecord.Failed => "发送失败（永久）",
            NoticeRecord.NoRecipient => "未发送（无登记收件人）",
            NoticeRecord.Sent when record.DeliveryStatus is { } delivery => Delivery(delivery),
            NoticeRecord.Sent => "已发出",
            _ when record.LastError is not null => $"发送中（已尝试 {record.Attempts.ToString(CultureInfo.InvariantCulture)} 次，将自动重试）",
            _ => "发送中",
        };
    }

    /// <summary>A class for the status cell, so the page can mark problems: ok, pending or problem.</summary>
    public static string StatusClass(NoticeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Status switch
        {
            NoticeRecord.Failed or NoticeRecord.NoRecipient => "problem",
            NoticeRecord.Sent when DeliveryStatus.IsProblem(record.DeliveryStatus) => "problem",
            NoticeRecord.Sent when record.DeliveryStatus is DeliveryStatus.Delivered or DeliveryStatus.Opened => "ok",
            _ => "pending",
        };
    }

    /// <summary>Why, when there is something to say: SendGrid's refusal code, or its reason for a bounce, drop or deferral.</summary>
    public static string? Reason(NoticeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Status switch
        {
            NoticeRecord.Failed => $"SendGrid 拒绝发送（{record.LastStatusCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}）",
            NoticeRecord.NoRecipient => record.LastError,
            NoticeRecord.Sent => record.DeliveryReason,
            _ => null,
        };
    }
}
