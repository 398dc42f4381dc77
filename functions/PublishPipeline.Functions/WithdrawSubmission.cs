using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;

namespace PublishPipeline.Functions;

/// <summary>POST /api/submissions/{id}/withdraw: withdraw.</summary>
public sealed class WithdrawSubmission(ReviewApi api)
{
    [Function(nameof(WithdrawSubmission))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ReviewApi.WithdrawRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await api.WithdrawAsync(request, id, cancellationToken));
}
