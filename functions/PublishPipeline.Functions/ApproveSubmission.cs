using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;

namespace PublishPipeline.Functions;

/// <summary>POST /api/submissions/{id}/approve: approve.</summary>
public sealed class ApproveSubmission(ReviewApi api)
{
    [Function(nameof(ApproveSubmission))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ReviewApi.ApproveRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await api.ApproveAsync(request, id, cancellationToken));
}
