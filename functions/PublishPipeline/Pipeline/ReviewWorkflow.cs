using Microsoft.Extensions.Logging;
using PublishPipeline.Access;
using PublishPipeline.Calendar;
using PublishPipeline.Notices;
using PublishPipeline.Rendering;
using PublishPipeline.Site;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The people's side of a report's life: reviewers approve (now or for a set time), return with comments, publish
/// and withdraw; submitters withdraw what is not yet public. Each action checks who is asking against the
/// directory, moves the version under the report's ETag (so of two reviewers approving at once one wins and the
/// other is told it is already approved), and records the change with the emails and publication it causes, which are
/// sent once it has committed (see <see cref="Lifecycle"/>).
/// </summary>
public sealed class ReviewWorkflow(
    SubmissionStore submissions,
    AgencyDirectory agencies,
    SubmissionTransitions transitions,
    TimeProvider clock,
    ILogger<ReviewWorkflow> logger)
{
    public const int MaxCommentLength = 4000;

    /// <summary>The states each action applies to, from the lifecycle (the status page shows a form only where its action would apply).</summary>
    public static bool CanApproveIn(SubmissionState state) => Lifecycle.Allows(LifecycleTrigger.Approve, state);

    public static bool CanReturnIn(SubmissionState state) => Lifecycle.Allows(LifecycleTrigger.Return, state);

    public static bool CanPublishIn(SubmissionState state) => Lifecycle.Allows(LifecycleTrigger.Reschedule, state);

    public static bool CanWithdrawIn(SubmissionState state) => Lifecycle.Allows(LifecycleTrigger.Withdraw, state);

    public async Task<WorkflowResult> ApproveAsync(string id, Caller? caller, string? comment, DateTimeOffset? publishAt, CancellationToken cancellationToken = default)
    {
        var (submission, agency, denied) = await AuthorizeAsync(id, caller, AccessPolicy.CanReview, "只有督导该机关的政务公开办审核人员可以批准", cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (InvalidSchedule(publishAt) is { } invalid)
        {
            return invalid;
        }

        if (!CanApproveIn(submission!.CurrentState))
        {
            return NotInState(submission, "批准", "待审核");
        }

        var reason = publishAt is { } at
            ? $"审核通过，定于 {ChinaTime.FormatDateTime(at)} 发布" + Suffix(comment)
            : "审核通过，立即发布" + Suffix(comment);
        return await MoveAsync(submission, LifecycleTrigger.Approve, caller!, reason, s =>
        {
            s.ReviewedBy = caller!.Email;
            s.PublishAt = publishAt;
            s.Comments = Clean(comment);
        }, "批准", cancellationToken);
    }

    public async Task<WorkflowResult> ReturnAsync(string id, Caller? caller, string? comments, CancellationToken cancellationToken = default)
    {
        var (submission, _, denied) = await AuthorizeAsync(id, caller, AccessPolicy.CanReview, "只有督导该机关的政务公开办审核人员可以退回", cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var text = Clean(comments);
        if (text is null)
        {
            return WorkflowResult.Fail(WorkflowStatus.Invalid, "缺少退回意见", "退回修改时请在 comments 中写明需要修改的内容。", submission);
        }

        if (!CanReturnIn(submission!.CurrentState))
        {
            return NotInState(submission, "退回", "待审核或已批准（未发布）");
        }

        return await MoveAsync(submission, LifecycleTrigger.Return, caller!, "退回修改：" + text, s =>
        {
            s.ReviewedBy = caller!.Email;
            s.Comments = text;
            s.PublishAt = null;
        }, "退回", cancellationToken);
    }

    public async Task<WorkflowResult> PublishAsync(string id, Caller? caller, DateTimeOffset? publishAt, CancellationToken cancellationToken = default)
    {
        var (submission, _, denied) = await AuthorizeAsync(id, caller, AccessPolicy.CanReview, "只有督导该机关的政务公开办审核人员可以发布", cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (InvalidSchedule(publishAt) is { } invalid)
        {
            return invalid;
        }

        if (!CanPublishIn(submission!.CurrentState))
        {
            return NotInState(submission, "发布", "已批准");
        }

        var reason = publishAt is { } at ? $"发布时间改为 {ChinaTime.FormatDateTime(at)}" : "改为立即发布";
        return await MoveAsync(submission, LifecycleTrigger.Reschedule, caller!, reason, s => s.PublishAt = publishAt, "发布", cancellationToken);
    }

    public async Task<WorkflowResult> WithdrawAsync(string id, Caller? caller, string? reason, CancellationToken cancellationToken = default)
    {
        var (submission, agency, denied) = await AuthorizeAsync(id, caller, AccessPolicy.CanView, "只有该机关的报送人员或督导的审核人员可以撤回", cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (!CanWithdrawIn(submission!.CurrentState))
        {
            return NotInState(submission, "撤回", "尚未撤回、未被取代的版本");
        }

        if (!AccessPolicy.CanWithdraw(agency!, caller!, submission.CurrentState))
        {
            return WorkflowResult.Fail(WorkflowStatus.Forbidden, "无权撤回", "该版本已公开发布，只有督导的审核人员可以撤回已公开的报告。", submission);
        }

        var text = Clean(reason);
        var wasPublished = submission.CurrentState == SubmissionState.Published;
        return await MoveAsync(submission, LifecycleTrigger.Withdraw, caller!, (wasPublished ? "撤回并撤下公开页面" : "撤回") + Suffix(text), s =>
        {
            s.Comments = text;
            s.PublishAt = null;
        }, "撤回", cancellationToken);
    }

    private async Task<WorkflowResult> MoveAsync(
        Submission submission, LifecycleTrigger trigger, Caller caller, string reason, Action<Submission> update, string action, CancellationToken cancellationToken)
    {
        // Only from the state the caller was allowed to act on: if it moved since (another reviewer, the publish
        // stage, a newer version), the caller is told instead.
        var result = await transitions.MoveAsync(submission.Id, trigger, caller.Email, reason, update, submission.CurrentState, cancellationToken);
        if (result.Updated is { } updated)
        {
            logger.LogInformation("{Caller} moved {Submission} from {From} to {To}", caller.Email, submission.Id, submission.State, updated.State);
            return WorkflowResult.Done(updated);
        }

        // Someone else changed it first (another reviewer approved, a new version superseded it).
        var now = result.Current ?? submission;
        return WorkflowResult.Fail(
            WorkflowStatus.Conflict,
            "状态已变化",
            $"该版本刚被其他操作改为「{StateNames.Chinese(now.State)}」，本次{action}未执行。请刷新后查看。",
            now);
    }

    private async Task<(Submission? Submission, Agency? Agency, WorkflowResult? Denied)> AuthorizeAsync(
        string id, Caller? caller, Func<Agency, Caller, bool> allowed, string forbidden, CancellationToken cancellationToken)
    {
        if (caller is null)
        {
            return (null, null, WorkflowResult.Fail(WorkflowStatus.Unauthenticated, "需要登录", "请先登录后再操作。"));
        }

        var submission = await submissions.GetAsync(id, cancellationToken);
        var agency = submission is null ? null : await agencies.GetAsync(submission.AgencyId, cancellationToken);
        if (submission is null || agency is null)
        {
            return (null, null, WorkflowResult.Fail(WorkflowStatus.NotFound, "找不到该提交", $"提交编号「{id}」不存在。"));
        }

        if (!allowed(agency, caller))
        {
            logger.LogWarning("{Caller} was refused an action on {Submission}", caller.Email, id);
            return (submission, agency, WorkflowResult.Fail(WorkflowStatus.Forbidden, "无权操作", forbidden + "。", submission));
        }

        return (submission, agency, null);
    }

    private WorkflowResult? InvalidSchedule(DateTimeOffset? publishAt) =>
        publishAt is { } at && at > clock.GetUtcNow().AddYears(1)
            ? WorkflowResult.Fail(WorkflowStatus.Invalid, "发布时间无效", "定时发布时间不能晚于一年之后。")
            : null;

    private static WorkflowResult NotInState(Submission submission, string action, string expected) =>
        WorkflowResult.Fail(
            WorkflowStatus.Conflict,
            $"当前状态不能{action}",
            $"该版本当前为「{StateNames.Chinese(submission.State)}」，只有{expected}的版本可以{action}。",
            submission);

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = new string(text.Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray()).Trim();
        return cleaned.Length > MaxCommentLength ? cleaned[..MaxCommentLength] : cleaned;
    }

    private static string Suffix(string? comment) => Clean(comment) is { } text ? "：" + text : "";
}
