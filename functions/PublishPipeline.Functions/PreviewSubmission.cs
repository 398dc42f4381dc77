using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;

namespace PublishPipeline.Functions;

/// <summary>GET /api/submissions/{id}/preview: the version's page as it will be published, for its submitters and reviewers only.</summary>
public sealed class PreviewSubmission(SubmissionsApi api)
{
    [Function(nameof(PreviewSubmission))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SubmissionsApi.PreviewRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await api.PreviewAsync(request, id, cancellationToken));
}
