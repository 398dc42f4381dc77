using PublishPipeline.Reports;

namespace PublishPipeline.Notices;

/// <summary>The Chinese wording of the operators' alert for a poison message, shared by its HTML and plain-text bodies.</summary>
internal static class OperatorAlertWording
{
    /// <summary>An exception's text can be long (stack traces, whole payloads); the email carries a readable summary.</summary>
    public const int MaxErrorLength = 4000;

    public const string None = "—";

    public const string NoError = "（无错误信息）";

    /// <summary>"发布（publish）": the Chinese name of a known stage (or its queue), with the name the logs use.</summary>
    public static string StageName(string stage)
    {
        var name = stage.Trim().ToLowerInvariant() switch
        {
            "ingest" or "drafts" => "接收与校验",
            "publish" => "发布",
            "notify" or "notices" or "notice" => "邮件通知",
            "delivery" => "邮件投递",
            "rebuild" => "站点重建",
            "reminders" or "deadlines" => "截止提醒",
            _ => null,
        };
        return name is null ? stage : $"{name}（{stage}）";
    }

    public static string Subject(OperatorAlertNotice notice)
    {
        var what = notice.SubmissionId is not null
            ? $"{notice.AgencyName ?? "未知机关"}，提交 {notice.SubmissionId}"
            : NotRetried(notice) ? "未重试" : $"消息已移入 {notice.PoisonQueue}";
        return FindingText.SingleLine($"【年报系统告警】{StageName(notice.Stage)}处理失败：{what}");
    }

    /// <summary>An alert without a poison queue is about a failure that was not retried (a refusal no retry can change).</summary>
    private static bool NotRetried(OperatorAlertNotice notice) => string.IsNullOrEmpty(notice.PoisonQueue);

    /// <summary>The poison queue fact, in the HTML and the text email alike.</summary>
    public static string PoisonQueueFact(OperatorAlertNotice notice) => NotRetried(notice) ? None : notice.PoisonQueue;

    public static string Headline(OperatorAlertNotice notice) => NotRetried(notice)
        ? $"{StageName(notice.Stage)}失败，且重试无法解决，未再重试。"
        : $"{StageName(notice.Stage)}阶段多次重试后仍处理失败，消息已移入队列 {notice.PoisonQueue}，未丢失。";

    /// <summary>What the pipeline did and what the operator should do.</summary>
    public static string Action(OperatorAlertNotice notice) => NotRetried(notice)
        ? "该邮件已记为「发送失败」，不会自动重试，提交本身不受影响。请按错误摘要排查（收件人地址、API 密钥或发件人认证）。"
        : notice.SubmissionMarkedFailed
        ? "已将该提交标记为「处理失败」。请排查原因，修复后重新投递该消息；如属报告文件问题，请联系机关重新上传。"
        : notice.SubmissionId is null
            ? "该消息未对应任何提交，未标记任何提交。请排查原因后重新投递或删除该消息。"
            : "该提交未能标记为「处理失败」（可能尚未登记）。请排查原因后重新投递或删除该消息。";

    public static IReadOnlyList<string> ErrorLines(OperatorAlertNotice notice)
    {
        var summary = notice.ErrorSummary;
        if (summary.Length > MaxErrorLength)
        {
            // Never cut a surrogate pair in half: the rest would not be valid text.
            var cut = char.IsHighSurrogate(summary[MaxErrorLength - 1]) ? MaxErrorLength - 1 : MaxErrorLength;
            summary = summary[..cut] + "…（已截断）";
        }

        return WorkflowWording.Lines(summary);
    }

    public static string Text(OperatorAlertNotice notice)
    {
        var text = WorkflowWording.StartText(Headline(notice));
        text.AppendLine("已采取的处理");
        text.AppendLine(Action(notice)).AppendLine();
        text.AppendLine("错误摘要");
        WorkflowWording.AppendQuoted(text, ErrorLines(notice), NoError);
        text.AppendLine();
        text.AppendLine("失败信息");
        WorkflowWording.AppendFact(text, "阶段", StageName(notice.Stage));
        WorkflowWording.AppendFact(text, "提交编号", notice.SubmissionId ?? None);
        WorkflowWording.AppendFact(text, "机关", notice.AgencyName ?? None);
        WorkflowWording.AppendFact(text, "失败时间", WorkflowWording.BeijingTime(notice.FailedAt));
        WorkflowWording.AppendFact(text, "毒消息队列", PoisonQueueFact(notice));
        WorkflowWording.AppendFact(text, "提交状态", notice.SubmissionMarkedFailed ? "处理失败" : None);
        return WorkflowWording.EndText(text);
    }
}
