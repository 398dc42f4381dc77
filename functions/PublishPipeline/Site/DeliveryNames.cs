using System.Globalization;

namespace PublishPipeline.Site;

/// <summary>
/// How the status page names an email and what became of it, in Chinese. The keys are the notice kinds and the
/// delivery statuses the Notices records hold (the site knows them as text, as it knows states; a test checks that
/// every one has its name).
/// </summary>
public static class DeliveryNames
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["validation-result"] = "校验结果通知",
        ["published"] = "发布通知",
        ["review-request"] = "审核请求",
        ["returned"] = "退回修改通知",
        ["approved"] = "批准通知",
        ["withdrawn"] = "撤回通知",
    };

    private static readonly Dictionary<string, string> Deliveries = new(StringComparer.Ordinal)
    {
        ["Processed"] = "发送中",
        ["Deferred"] = "延迟投递（重试中）",
        ["Delivered"] = "已送达",
        ["Opened"] = "已送达（已打开）",
        ["Bounced"] = "退信",
        ["Dropped"] = "被丢弃",
        ["SpamReport"] = "被标记为垃圾邮件",
    };

    private static readonly HashSet<string> Problems = new(StringComparer.Ordinal) { "Bounced", "Dropped", "SpamReport" };

    private static readonly HashSet<string> Arrived = new(StringComparer.Ordinal) { "Delivered", "Opened" };

    /// <summary>The Chinese name of a notice kind; a kind this map does not know is shown as stored.</summary>
    public static string Kind(string kind) => Kinds.GetValueOrDefault(kind, kind);

    /// <summary>The Chinese name of a delivery status reported by SendGrid; a status this map does not know is shown as stored.</summary>
    public static string Delivery(string status) => Deliveries.GetValueOrDefault(status, status);

    /// <summary>
    /// What became of the email as a whole: what SendGrid's events say once it was sent (<paramref name="delivery"/>),
    /// otherwise what the sending knows: still being sent (and retried after <paramref name="attempts"/> tries that
    /// failed), refused for good, or nobody to send it to.
    /// </summary>
    public static string Status(string recordStatus, string? delivery, int attempts, bool failedBefore) => recordStatus switch
    {
        "Failed" => "发送失败（永久）",
        "NoRecipient" => "未发送（无登记收件人）",
        "Sent" when delivery is not null => Delivery(delivery),
        "Sent" => "已发出",
        _ when failedBefore => $"发送中（已尝试 {attempts.ToString(CultureInfo.InvariantCulture)} 次，将自动重试）",
        _ => "发送中",
    };

    /// <summary>A class for the status cell: ok (delivered), problem (someone must act) or pending.</summary>
    public static string StatusClass(string recordStatus, string? delivery) => recordStatus switch
    {
        "Failed" or "NoRecipient" => "problem",
        "Sent" when delivery is not null && Problems.Contains(delivery) => "problem",
        "Sent" when delivery is not null && Arrived.Contains(delivery) => "ok",
        _ => "pending",
    };

    /// <summary>The kinds and statuses this class names, for the test that keeps it complete.</summary>
    internal static IReadOnlyCollection<string> NamedKinds => Kinds.Keys;

    internal static IReadOnlyCollection<string> NamedDeliveries => Deliveries.Keys;
}
