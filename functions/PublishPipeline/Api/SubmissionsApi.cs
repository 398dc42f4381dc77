using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PublishPipeline.Access;
using PublishPipeline.Pipeline;
using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Api;

/// <summary>
/// What submitters and reviewers may read: <c>GET /api/submissions/{id}</c> (a version's state, findings, the
/// report's versions and audit trail) and <c>GET /api/agencies/{id}/submissions</c> (every version of the agency's
/// reports). Only the agency's submitters, its supervising reviewers and the supervisors of its region see them; the
/// status page offers its action forms by the reviewer's and submitter's rights alone, so a supervisor only reads.
/// </summary>
public sealed class SubmissionsApi(
    PipelineStorage storage,
    SubmissionStore submissions,
    AgencyDirectory agencies,
    RegionDirectory regions,
    CallerResolver callers,
    SiteRenderer renderer,
    NextYearTemplates templates,
    IOptions<PipelineOptions> options)
{
    public const string Route = "submissions/{id}";

    public const string PreviewRoute = "submissions/{id}/preview";

    public const string AgencyRoute = "agencies/{id}/submissions";

    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (submission, agency, caller, denied) = await AuthorizeAsync(request, id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var document = await storage.LoadReportDocumentAsync(submission!.Id, cancellationToken);
        var view = await ViewAsync(submission, document, cancellationToken);
        if (!WantsHtml(request))
        {
            return PrivateJson.Of(view);
        }

        var reviewer = AccessPolicy.CanReview(agency!, caller!);
        var state = submission.CurrentState;
        var page = await renderer.RenderSubmissionStatusAsync(
            new SubmissionStatusModel
            {
                SubmissionId = submission.Id,
                AgencyId = agency!.Id,
                AgencyName = agency.Name,
                Year = submission.Year,
                Version = new SubmissionVersionFacts(submission.Version, submission.FileName, submission.Size, submission.Sha256, submission.ReceivedAt, submission.SubmittedBy),
                State = submission.State,
                Reason = submission.Reason,
                Findings = view.Findings,

                // Computed from the stored report at render time, so reports validated before the solver existed get it too.
                FixSuggestions = FixSuggestionText.For(document?.Report, view.Findings),
                Audit = view.Audit.Where(a => a.Version == submission.Version).Select(a => new StatusAuditEntry(a.At, a.Actor, a.From, a.To, a.Reason)).ToList(),
                Emails = await SubmissionEmails.ForStatusPageAsync(storage, submission.Id, cancellationToken),
                OtherVersions = view.Versions.Where(v => v.Version != submission.Version).Select(v => new OtherVersionEntry(v.Id, v.Version, v.State, v.ReceivedAt)).ToList(),
                PreviewAvailable = submission.Template is not null && state != SubmissionState.Rejected,
                PublicUrl = state == SubmissionState.Published ? submission.PublicUrl : null,
                PublishedAt = submission.PublishedAt,
                ScheduledPublishAt = state == SubmissionState.Approved ? submission.PublishAt : null,
                TemplateYear = TemplateYear(submission.Year, state),
                CanApprove = reviewer && ReviewWorkflow.CanApproveIn(state),
                CanReturn = reviewer && ReviewWorkflow.CanReturnIn(state),
                CanPublish = reviewer && ReviewWorkflow.CanPublishIn(state),
                CanWithdraw = ReviewWorkflow.CanWithdrawIn(state) && AccessPolicy.CanWithdraw(agency, caller!, state),
            },
            cancellationToken);
        return PrivatePage(page, PreviewHeaders.StatusPage);
    }

    /// <summary><c>GET /api/submissions/{id}/preview</c>: the version's page as it will be published, private.</summary>
    public async Task<IResult> PreviewAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (submission, agency, _, denied) = await AuthorizeAsync(request, id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var document = await storage.LoadReportDocumentAsync(submission!.Id, cancellationToken);
        if (document is null || submission.Template is null || submission.CurrentState == SubmissionState.Rejected)
        {
            return Problems.NotFound("暂无预览", "该版本尚未完成校验，或无法识别为年度报告，没有可预览的页面。");
        }

        var page = await renderer.RenderPreviewAsync(
            new PreviewModel(document, agency!.Id, agency.Name, submission.Year, submission.Version, submission.State, submission.Id, submission.ReceivedAt),
            cancellationToken);
        return PrivatePage(page, PreviewHeaders.Preview);
    }

    /// <summary>Once a report is public the agency's next job is next year's; before, it is this year's draft.</summary>
    private int? TemplateYear(int year, SubmissionState state)
    {
        var templateYear = state == SubmissionState.Published ? year + 1 : year;
        return templates.YearRefusal(templateYear) is null ? templateYear : null;
    }

    /// <summary>Browsers (Accept: text/html) get the page; programs asking for JSON, or for anything, get JSON.</summary>
    internal static bool WantsHtml(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var html = accept.Where(a => a.MediaType.Value is "text/html" or "application/xhtml+xml").Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var json = accept.Where(a => a.MediaType.Value is "application/json" or "application/problem+json").Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return html > 0 && html >= json;
    }

    internal static IResult PrivatePage(string html, IReadOnlyList<KeyValuePair<string, string>> headers) => new PrivatePageResult(html, headers);

    private sealed class PrivatePageResult(string html, IReadOnlyList<KeyValuePair<string, string>> headers) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = PreviewHeaders.ContentType;
            foreach (var (name, value) in headers)
            {
                httpContext.Response.Headers[name] = value;
            }

            await httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
        }
    }

    public async Task<IResult> ListForAgencyAsync(HttpRequest request, string agencyId, CancellationToken cancellationToken = default)
    {
        var caller = callers.Resolve(request);
        if (caller is null)
        {
            return Problems.Unauthenticated();
        }

        var agency = await agencies.GetAsync(agencyId, cancellationToken);
        if (agency is null)
        {
            return Problems.NotFound("机关未登记", $"机关编号「{agencyId}」不在机构名录中。");
        }

        if (!await CanReadAsync(agency, caller, cancellationToken))
        {
            return Problems.Forbidden($"{caller.Email} 不是「{agency.Name}」的报送人员、审核人员或所在地区的督导人员。");
        }

        var versions = await submissions.ListForAgencyAsync(agency.Id, cancellationToken);
        return PrivateJson.Of(new AgencySubmissionsView(agency.Id, agency.Name, versions.Select(Summary).ToList()));
    }

    /// <summary>Resolves the caller and the submission, and checks the caller may see it.</summary>
    internal async Task<(Submission? Submission, Agency? Agency, Caller? Caller, IResult? Denied)> AuthorizeAsync(
        HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var caller = callers.Resolve(request);
        if (caller is null)
        {
            return (null, null, null, Problems.Unauthenticated());
        }

        var submission = await submissions.GetAsync(id, cancellationToken);
        var agency = submission is null ? null : await agencies.GetAsync(submission.AgencyId, cancellationToken);
        if (submission is null || agency is null)
        {
            return (null, null, caller, Problems.NotFound("找不到该提交", $"提交编号「{id}」不存在。"));
        }

        if (!await CanReadAsync(agency, caller, cancellationToken))
        {
            return (submission, agency, caller, Problems.Forbidden($"{caller.Email} 不是「{agency.Name}」的报送人员、审核人员或所在地区的督导人员，不能查看该提交。"));
        }

        return (submission, agency, caller, null);
    }

    /// <summary>Submitters and reviewers by the agency's entry; supervisors by the regions covering it (read only, asked only when needed).</summary>
    private async Task<bool> CanReadAsync(Agency agency, Caller caller, CancellationToken cancellationToken) =>
        AccessPolicy.CanView(agency, caller)
        || AccessPolicy.CanRead(agency, await regions.CoveringAsync(agency, cancellationToken), caller);

    internal async Task<SubmissionView> ViewAsync(Submission submission, CancellationToken cancellationToken) =>
        await ViewAsync(submission, await storage.LoadReportDocumentAsync(submission.Id, cancellationToken), cancellationToken);

    /// <summary>The view of a version whose stored report the caller already loaded (the status page also derives its 修改建议 from it).</summary>
    private async Task<SubmissionView> ViewAsync(Submission submission, ReportDocument? document, CancellationToken cancellationToken)
    {
        var audit = await submissions.GetAuditTrailAsync(submission.Report, cancellationToken);
        var versions = await submissions.ListVersionsAsync(submission.Report, cancellationToken);
        IReadOnlyList<Finding> findings = document?.Findings ?? [];
        return new SubmissionView(
            submission.Id,
            submission.AgencyId,
            submission.Year,
            submission.Version,
            submission.FileName,
            submission.Sha256,
            submission.Size,
            submission.SubmittedBy,
            submission.State,
            StateNames.Chinese(submission.State),
            submission.Reason,
            submission.Template,
            submission.Title,
            submission.Errors,
            submission.Warnings,
            submission.ReceivedAt,
            submission.UpdatedAt,
            submission.ReviewedBy,
            submission.Comments,
            submission.PublishAt,
            submission.PublicUrl,
            options.Value.SubmissionPreviewUrl(submission.Id),
            findings,
            versions.Select(Summary).ToList(),
            audit.Select(a => new AuditView(a.Sequence, a.Version, a.At, a.Actor, a.From, a.To, a.Reason)).ToList());
    }

    private static VersionSummary Summary(Submission s) =>
        new(s.Id, s.Year, s.Version, s.State, StateNames.Chinese(s.State), s.FileName, s.SubmittedBy, s.ReceivedAt, s.UpdatedAt, s.Errors, s.Warnings, s.PublicUrl);
}

/// <summary>A version as its submitters and reviewers see it, with the whole report's audit trail.</summary>
public sealed record SubmissionView(
    string Id,
    string Agency,
    int Year,
    int Version,
    string FileName,
    string Sha256,
    long Size,
    string SubmittedBy,
    string State,
    string StateName,
    string? Reason,
    string? Template,
    string? Title,
    int Errors,
    int Warnings,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    string? ReviewedBy,
    string? Comments,
    DateTimeOffset? PublishAt,
    string? PublicUrl,
    string PreviewUrl,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<VersionSummary> Versions,
    IReadOnlyList<AuditView> Audit);

public sealed record VersionSummary(
    string Id,
    int Year,
    int Version,
    string State,
    string StateName,
    string FileName,
    string SubmittedBy,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    int Errors,
    int Warnings,
    string? PublicUrl);

public sealed record AgencySubmissionsView(string Agency, string Name, IReadOnlyList<VersionSummary> Submissions);

public sealed record AuditView(int Sequence, int Version, DateTimeOffset At, string Actor, string From, string To, string Reason);
