using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;

namespace PublishPipeline.Functions;

/// <summary>GET /api/submissions/{id}: state, findings and audit trail of a submission.</summary>
public sealed class GetSubmission(SubmissionsApi api)
{
    [Function(nameof(GetSubmission))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SubmissionsApi.Route)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await api.GetAsync(id, cancellationToken));
}
