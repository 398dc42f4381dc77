using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;

namespace PublishPipeline.Functions;

/// <summary>POST /api/submissions/{id}/return: return (with comments).</summary>
public sealed class ReturnSubmission(ReviewApi api)
{
    [Function(nameof(ReturnSubmission))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ReviewApi.ReturnRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await api.ReturnAsync(request, id, cancellationToken));
}
