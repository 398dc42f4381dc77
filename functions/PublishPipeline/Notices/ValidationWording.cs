using PublishPipeline.Calendar;
using PublishPipeline.Reports;

namespace PublishPipeline.Notices;

/// <summary>The Chinese wording of the validation-result email, shared by its HTML and plain-text bodies.</summary>
internal static class ValidationWording
{
    /// <summary>The rule id of the finding that says the upload is not a readable report.</summary>
    public const string UnreadableRule = "A0";

    public const string AutomaticNote = "此邮件由年报发布系统自动发送，请勿直接回复。";

    public static string ReportName(string agencyName, int? year) =>
        year is int y ? $"{y}年{agencyName}政府信息公开工作年度报告" : $"{agencyName}政府信息公开工作年度报告";

    public static IReadOnlyList<Finding> Errors(ValidationNotice notice) =>
        notice.Findings.Where(f => f.Severity == Severity.Error).ToList();

    public static IReadOnlyList<Finding> Warnings(ValidationNotice notice) =>
        notice.Findings.Where(f => f.Severity == Severity.Warning).ToList();

    public static string Subject(ValidationNotice notice)
    {
        var name = ReportName(notice.AgencyName, notice.Year);
        var warnings = Warnings(notice).Count;
        var subject = notice.Outcome switch
        {
            ValidationOutcome.Rejected => $"【年报校验】{name}：文件无法识别，请检查后重新提交",
            ValidationOutcome.NeedsChanges => $"【年报校验】{name}：发现 {Errors(notice).Count} 处错误，请修改后重新提交",
            _ when warnings > 0 => $"【年报校验】{name}：校验通过（{warnings} 处提示），{Next(notice)}",
            _ => $"【年报校验】{name}：校验通过，{Next(notice)}",
        };
        return FindingText.SingleLine(subject);
    }

    /// <summary>The first paragraph: what happened and what the submitter must do.</summary>
    public static string Headline(ValidationNotice notice) => notice.Outcome switch
    {
        ValidationOutcome.Rejected => "您提交的文件无法识别为政府信息公开工作年度报告，系统未能进行校验。请检查文件后重新提交。",
        ValidationOutcome.NeedsChanges =>
            $"您提交的年度报告校验发现 {Errors(notice).Count} 处错误，报告暂不能发布。请按下列说明修改后重新提交。",
        _ when Warnings(notice).Count > 0 =>
            $"您提交的年度报告校验通过，{Next(notice)}。另有 {Warnings(notice).Count} 处提示，请核对；如需更正，可重新提交。",
        _ => $"您提交的年度报告校验通过，{Next(notice)}。",
    };

    /// <summary>Where an accepted report goes next: the reviewers, or (auto-publishing agencies) straight to publication.</summary>
    public static string Next(ValidationNotice notice) => notice.AwaitsReview ? "已提交政务公开办审核" : "已进入发布流程";

    /// <summary>The closing sentence of an accepted report's email.</summary>
    public static string AcceptedNote(ValidationNotice notice) => notice.AwaitsReview
        ? "校验通过，报告已提交政务公开办审核，审核通过并发布后将另行通知公开链接。"
        : "校验通过，报告已进入发布流程，发布后将另行通知公开链接。";

    /// <summary>Why an upload was rejected: the A0 finding's message, else the first error's.</summary>
    public static string RejectionReason(ValidationNotice notice) =>
        (notice.Findings.FirstOrDefault(f => f.Rule == UnreadableRule) ?? notice.Findings.FirstOrDefault(f => f.Severity == Severity.Error))?.Message
        ?? "文件内容无法识别。";

    public static string ReceivedAt(ValidationNotice notice) => ChinaTime.FormatDateTime(notice.ReceivedAt);
}
