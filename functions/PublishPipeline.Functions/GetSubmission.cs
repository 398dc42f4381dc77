using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;

namespace PublishPipeline.Functions;

/// <summary>GET /api/submissions/{id}: a version's state, findings, versions and audit trail (a page for browsers).</summary>
public sealed class GetSubmission(SubmissionsApi api)
{
    [Function(nameof(GetSubmission))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SubmissionsApi.Route)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await api.GetAsync(request, id, cancellationToken));
}
