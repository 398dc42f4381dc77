using Microsoft.Extensions.Logging;
using PublishPipeline.Pipeline.Alerts;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// An operator's retry of a version that failed on every delivery, once the cause is fixed: the stage that failed
/// runs again from where it stopped. A failed ingest goes back to Received and is read and checked again (from the
/// kept upload); a failed publication goes back to Approved and is queued again. The retry is an audited transition
/// by the operator, and the version's alerts are marked resolved.
/// </summary>
public sealed class FailureRecovery(SubmissionStore submissions, SubmissionTransitions transitions, IngestHandler ingest, AlertRecorder alerts, ILogger<FailureRecovery> logger)
{
    public async Task<RecoveryResult> RetryAsync(string submissionId, string operatorName, CancellationToken cancellationToken = default)
    {
        var submission = await submissions.GetAsync(submissionId, cancellationToken);
        if (submission is null)
        {
            return new RecoveryResult(RecoveryOutcome.NotFound, null, $"提交编号「{submissionId}」不存在");
        }

        if (submission.CurrentState != SubmissionState.Failed)
        {
            return new RecoveryResult(RecoveryOutcome.NotFailed, submission, $"该版本当前为 {submission.State}，不是处理失败状态，无需重试");
        }

        var failure = (await submissions.GetAuditTrailAsync(submission.Id, cancellationToken)).LastOrDefault(e => e.To == nameof(SubmissionState.Failed));
        var actor = "operator:" + operatorName;
        switch (failure?.From)
        {
            case nameof(SubmissionState.Approved):
                var approved = await transitions.MoveAsync(
                    submission.Id, LifecycleTrigger.RetryPublish, actor, "运维人员排除故障后重新发布", s => s.PublishAt = null, cancellationToken: cancellationToken);
                return await DoneAsync(approved, submission, operatorName, "publish", cancellationToken);
            case nameof(SubmissionState.Received):
                var received = await transitions.MoveAsync(
                    submission.Id, LifecycleTrigger.RetryIngest, actor, "运维人员排除故障后重新读取和校验", cancellationToken: cancellationToken);
                if (received.Updated is null)
                {
                    return new RecoveryResult(RecoveryOutcome.NotFailed, received.Current, "该版本的状态刚被其他操作改变");
                }

                var processed = await ingest.ReprocessAsync(received.Updated, cancellationToken);
                return await DoneAsync(new TransitionResult(processed, null, null), submission, operatorName, "ingest", cancellationToken);
            default:
                return new RecoveryResult(RecoveryOutcome.NotRetryable, submission, "审计记录中找不到失败前的状态，无法判断应重试哪个环节");
        }
    }

    private async Task<RecoveryResult> DoneAsync(TransitionResult result, Submission before, string operatorName, string stage, CancellationToken cancellationToken)
    {
        if (result.Updated is not { } updated)
        {
            return new RecoveryResult(RecoveryOutcome.NotFailed, result.Current ?? before, "该版本的状态刚被其他操作改变");
        }

        var resolved = await alerts.ResolveAsync(before.Id, operatorName, cancellationToken);
        logger.LogInformation("{Operator} retried {Stage} of {Submission}: now {State}; {Alerts} alert(s) resolved", operatorName, stage, before.Id, updated.State, resolved);
        return new RecoveryResult(RecoveryOutcome.Retried, updated, stage == "publish" ? "已重新排队发布" : $"已重新读取和校验，当前状态 {updated.State}");
    }
}

public enum RecoveryOutcome
{
    Retried,
    NotFound,
    NotFailed,
    NotRetryable,
}

/// <summary>What a retry did, with a line for the operator.</summary>
public sealed record RecoveryResult(RecoveryOutcome Outcome, Submission? Submission, string Message);
