using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Api;

/// <summary>
/// <c>POST /api/submissions/{id}/approve|return|withdraw|publish</c>: the review actions, from programs (JSON) or
/// from the status page's forms (answered with a redirect back to it). Who may act is decided by
/// <see cref="ReviewWorkflow"/> from the directory; refusals are problem details in Chinese. A form posted from another
/// site never gets here: the catalogue's <c>HttpFunction</c> asks every state-changing request to prove its origin.
/// </summary>
public sealed class ReviewApi(ReviewWorkflow workflow, SubmissionsApi views, CallerResolver callers, IOptions<PipelineOptions> options)
{
    public const string ApproveRoute = "submissions/{id}/approve";

    public const string ReturnRoute = "submissions/{id}/return";

    public const string WithdrawRoute = "submissions/{id}/withdraw";

    public const string PublishRoute = "submissions/{id}/publish";

    public Task<IResult> ApproveAsync(HttpRequest request, string id, CancellationToken cancellationToken = default) =>
        ActAsync(request, id, (caller, body) => workflow.ApproveAsync(id, caller, body.Comments, body.PublishAt, cancellationToken), cancellationToken);

    public Task<IResult> ReturnAsync(HttpRequest request, string id, CancellationToken cancellationToken = default) =>
        ActAsync(request, id, (caller, body) => workflow.ReturnAsync(id, caller, body.Comments, cancellationToken), cancellationToken);

    public Task<IResult> WithdrawAsync(HttpRequest request, string id, CancellationToken cancellationToken = default) =>
        ActAsync(request, id, (caller, body) => workflow.WithdrawAsync(id, caller, body.Comments, cancellationToken), cancellationToken);

    public Task<IResult> PublishAsync(HttpRequest request, string id, CancellationToken cancellationToken = default) =>
        ActAsync(request, id, (caller, body) => workflow.PublishAsync(id, caller, body.PublishAt, cancellationToken), cancellationToken);

    private async Task<IResult> ActAsync(
        HttpRequest request, string id, Func<Access.Caller?, ActionRequest, Task<WorkflowResult>> act, CancellationToken cancellationToken)
    {
        var caller = callers.Resolve(request);
        if (caller is null)
        {
            return Problems.Unauthenticated();
        }

        var (body, error) = await ActionRequest.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return error!.ToResult();
        }

        var result = await act(caller, body);
        if (result.Status != WorkflowStatus.Done)
        {
            return Problems.Create(StatusOf(result.Status), result.Title, result.Detail);
        }

        if (body.FromForm)
        {
            return new SeeOther(options.Value.SubmissionStatusUrl(id));
        }

        return PrivateJson.Of(await views.ViewAsync(result.Submission!, cancellationToken));
    }

    private static int StatusOf(WorkflowStatus status) => status switch
    {
        WorkflowStatus.NotFound => StatusCodes.Status404NotFound,
        WorkflowStatus.Unauthenticated => StatusCodes.Status401Unauthorized,
        WorkflowStatus.Forbidden => StatusCodes.Status403Forbidden,
        WorkflowStatus.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>303 See Other: after a form POST the browser GETs the status page.</summary>
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
