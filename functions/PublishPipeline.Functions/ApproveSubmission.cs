using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>POST /api/submissions/{id}/approve: approve.</summary>
public sealed class ApproveSubmission(IServiceProvider services)
{
    [Function(PipelineFunctions.ApproveSubmission)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, PipelineFunctions.Post, Route = ReviewApi.ApproveRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await PipelineFunctions.Http(PipelineFunctions.ApproveSubmission).InvokeAsync(services, request, id, cancellationToken));
}
