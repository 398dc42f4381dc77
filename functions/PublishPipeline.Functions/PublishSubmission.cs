using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;

namespace PublishPipeline.Functions;

/// <summary>POST /api/submissions/{id}/publish: publish (optionally at publishAt).</summary>
public sealed class PublishSubmission(ReviewApi api)
{
    [Function(nameof(PublishSubmission))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ReviewApi.PublishRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await api.PublishAsync(request, id, cancellationToken));
}
