using System.Text;
using Microsoft.Extensions.Logging;
using PublishPipeline.Notices.Components;
using PublishPipeline.Rendering;
using PublishPipeline.Reports;

namespace PublishPipeline.Notices;

/// <summary>
/// Composes the Chinese emails the pipeline sends: an HTML body (Razor components, inline styles) and a plain-text
/// body carrying the same facts. Finding messages, file names and agency names are untrusted text: the HTML gets
/// them through Razor's escaping only, and subjects are kept to one line.
/// </summary>
public sealed class EmailComposer
{
    private readonly RazorRenderer renderer;

    public EmailComposer()
        : this(null)
    {
    }

    public EmailComposer(ILoggerFactory? loggerFactory)
    {
        renderer = new RazorRenderer(loggerFactory);
    }

    /// <summary>The validation result to the submitter: rejected (with the reason), needs changes (each error), or accepted.</summary>
    public async Task<EmailContent> ComposeValidationResultAsync(ValidationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var subject = ValidationWording.Subject(notice);
        var html = await renderer.RenderAsync<ValidationResultEmail>(
            new Dictionary<string, object?>
            {
                [nameof(ValidationResultEmail.Notice)] = notice,
                [nameof(ValidationResultEmail.Subject)] = subject,
            },
            CancellationToken.None);
        return new EmailContent(subject, html, ValidationText(notice));
    }

    /// <summary>The publication notice with the public link.</summary>
    public async Task<EmailContent> ComposePublishedAsync(PublishedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var subject = PublishedWording.Subject(notice);
        var html = await renderer.RenderAsync<PublishedEmail>(
            new Dictionary<string, object?>
            {
                [nameof(PublishedEmail.Notice)] = notice,
                [nameof(PublishedEmail.Subject)] = subject,
            },
            CancellationToken.None);
        return new EmailContent(subject, html, PublishedText(notice));
    }

    /// <summary>To the supervising office's reviewers: a version passed the automatic checks and awaits review.</summary>
    public Task<EmailContent> ComposeReviewRequestAsync(ReviewRequestNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return ComposeAsync<ReviewRequestEmail>(notice, ReviewRequestWording.Subject(notice), ReviewRequestWording.Text(notice));
    }

    /// <summary>To the submitters: a reviewer returned a version with comments.</summary>
    public Task<EmailContent> ComposeReturnedAsync(ReturnedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return ComposeAsync<ReturnedEmail>(notice, ReturnedWording.Subject(notice), ReturnedWording.Text(notice));
    }

    /// <summary>To the submitters: a reviewer approved a version, published now or at the scheduled time.</summary>
    public Task<EmailContent> ComposeApprovedAsync(ApprovedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return ComposeAsync<ApprovedEmail>(notice, ApprovedWording.Subject(notice), ApprovedWording.Text(notice));
    }

    /// <summary>To the submitters and reviewers: a version was withdrawn (and its public page taken down if it was public).</summary>
    public Task<EmailContent> ComposeWithdrawnAsync(WithdrawnNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return ComposeAsync<WithdrawnEmail>(notice, WithdrawnWording.Subject(notice), WithdrawnWording.Text(notice));
    }

    /// <summary>To an agency's submitters: the report is not submitted, or its latest version still needs changes, before the deadline.</summary>
    public Task<EmailContent> ComposeDeadlineReminderAsync(DeadlineReminderNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return ComposeAsync<DeadlineReminderEmail>(notice, DeadlineReminderWording.Subject(notice), DeadlineReminderWording.Text(notice));
    }

    /// <summary>To one reviewer: the reports awaiting their review, oldest first.</summary>
    public Task<EmailContent> ComposeReviewDigestAsync(ReviewDigestNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return ComposeAsync<ReviewDigestEmail>(notice, ReviewDigestWording.Subject(notice), ReviewDigestWording.Text(notice));
    }

    /// <summary>To one supervisor, weekly: their region's board (counts, the agencies not yet published, urgent first).</summary>
    public Task<EmailContent> ComposeSupervisorDigestAsync(SupervisorDigestNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return ComposeAsync<SupervisorDigestEmail>(notice, SupervisorDigestWording.Subject(notice), SupervisorDigestWording.Text(notice));
    }

    /// <summary>To the operators' mailbox: a stage failed on every retry and its message went to the poison queue.</summary>
    public Task<EmailContent> ComposeOperatorAlertAsync(OperatorAlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return ComposeAsync<OperatorAlertEmail>(notice, OperatorAlertWording.Subject(notice), OperatorAlertWording.Text(notice));
    }

    /// <summary>Every email component takes the same two parameters: its notice and the subject (for the HTML title).</summary>
    private async Task<EmailContent> ComposeAsync<TComponent>(object notice, string subject, string text)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        var html = await renderer.RenderAsync<TComponent>(
            new Dictionary<string, object?>
            {
                ["Notice"] = notice,
                ["Subject"] = subject,
            },
            CancellationToken.None);
        return new EmailContent(subject, html, text);
    }

    private static string ValidationText(ValidationNotice notice)
    {
        var text = new StringBuilder(1024);
        text.AppendLine("您好：").AppendLine();
        text.AppendLine(ValidationWording.Headline(notice)).AppendLine();
        if (notice.Outcome == ValidationOutcome.Rejected)
        {
            text.Append("无法识别的原因：").AppendLine(ValidationWording.RejectionReason(notice)).AppendLine();
            text.AppendLine("请确认上传的是本机关的政府信息公开工作年度报告（Word、纯文本、网页或 JSON 格式），内容完整、未加密，然后重新提交。").AppendLine();
        }
        else
        {
            var errors = ValidationWording.Errors(notice);
            var warnings = ValidationWording.Warnings(notice);
            if (errors.Count > 0)
            {
                AppendFindings(text, $"错误（{errors.Count} 处，须修改）", errors, notice.Year);
            }

            if (notice.FixSuggestions is { Count: > 0 } suggestions)
            {
                text.AppendLine(FixSuggestionText.Heading);
                foreach (var suggestion in suggestions)
                {
                    text.AppendLine(suggestion);
                }

                text.AppendLine(FixSuggestionText.Disclaimer).AppendLine();
            }

            if (warnings.Count > 0)
            {
                AppendFindings(text, $"提示（{warnings.Count} 处，请核对）", warnings, notice.Year);
            }

            if (notice.Outcome == ValidationOutcome.Accepted)
            {
                text.AppendLine(ValidationWording.AcceptedNote(notice)).AppendLine();
            }
        }

        text.AppendLine("提交信息");
        text.Append("报告：").AppendLine(ValidationWording.ReportName(notice.AgencyName, notice.Year));
        text.Append("提交编号：").AppendLine(notice.SubmissionId);
        text.Append("文件名：").AppendLine(notice.FileName);
        text.Append("收到时间：").Append(ValidationWording.ReceivedAt(notice)).AppendLine("（北京时间）");
        text.Append("处理进度：").AppendLine(notice.StatusUrl).AppendLine();
        text.AppendLine(ValidationWording.AutomaticNote);
        return text.ToString();
    }

    private static void AppendFindings(StringBuilder text, string heading, IReadOnlyList<Reports.Finding> findings, int? year)
    {
        text.AppendLine(heading);
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            text.Append(i + 1).Append(". ").AppendLine(finding.Message);
            text.Append("   位置：").AppendLine(FindingText.Location(finding, year));
            if (finding.Expected is not null)
            {
                text.Append("   应为：").AppendLine(FindingText.Number(finding.Expected));
            }

            if (finding.Actual is not null)
            {
                text.Append("   实为：").AppendLine(FindingText.Number(finding.Actual));
            }

            text.Append("   规则：").AppendLine(finding.Rule);
        }

        text.AppendLine();
    }

    private static string PublishedText(PublishedNotice notice)
    {
        var text = new StringBuilder(512);
        text.AppendLine("您好：").AppendLine();
        text.AppendLine(PublishedWording.Headline(notice)).AppendLine();
        if (PublishedWording.CorrectionNote(notice) is { } correction)
        {
            text.AppendLine(correction).AppendLine();
        }

        text.Append("公开链接：").AppendLine(notice.PublicUrl).AppendLine();
        if (notice.Warnings > 0)
        {
            text.AppendLine(PublishedWording.WarningsNote(notice)).AppendLine();
        }

        text.AppendLine("发布信息");
        text.Append("报告：").AppendLine(notice.Title);
        text.Append("发布机关：").AppendLine(notice.AgencyName);
        text.Append("提交编号：").AppendLine(notice.SubmissionId).AppendLine();
        text.AppendLine(ValidationWording.AutomaticNote);
        return text.ToString();
    }
}
