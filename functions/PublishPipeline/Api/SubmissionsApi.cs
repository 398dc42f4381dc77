using Microsoft.AspNetCore.Http;
using PublishPipeline.Reports;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Api;

/// <summary><c>GET /api/submissions/{id}</c>: the state of a submission, its findings and its audit trail.</summary>
public sealed class SubmissionsApi(PipelineStorage storage, SubmissionStore submissions)
{
    public const string Route = "submissions/{id}";

    public async Task<IResult> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var submission = await submissions.GetAsync(id, cancellationToken);
        if (submission is null)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "找不到该提交", $"提交编号「{id}」不存在。");
        }

        var audit = await submissions.GetAuditTrailAsync(id, cancellationToken);
        IReadOnlyList<Finding> findings = (await storage.LoadReportDocumentAsync(id, cancellationToken))?.Findings ?? [];

        return Results.Json(
            new SubmissionView(
                submission.Id,
                submission.AgencyId,
                submission.Year,
                submission.FileName,
                submission.Sha256,
                submission.Size,
                submission.State,
                submission.Reason,
                submission.Template,
                submission.Title,
                submission.Errors,
                submission.Warnings,
                submission.ReceivedAt,
                submission.UpdatedAt,
                submission.PublicUrl,
                findings,
                audit.Select(a => new AuditView(a.Sequence, a.At, a.Actor, a.From, a.To, a.Reason)).ToList()),
            ReportJson.CompactOptions);
    }
}

public sealed record SubmissionView(
    string Id,
    string Agency,
    int Year,
    string FileName,
    string Sha256,
    long Size,
    string State,
    string? Reason,
    string? Template,
    string? Title,
    int Errors,
    int Warnings,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    string? PublicUrl,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<AuditView> Audit);

public sealed record AuditView(int Sequence, DateTimeOffset At, string Actor, string From, string To, string Reason);
