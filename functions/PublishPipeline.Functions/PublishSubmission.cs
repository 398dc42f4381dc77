using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>POST /api/submissions/{id}/publish: publish (optionally at publishAt).</summary>
public sealed class PublishSubmission(IServiceProvider services)
{
    [Function(PipelineFunctions.PublishSubmission)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, PipelineFunctions.Post, Route = ReviewApi.PublishRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await PipelineFunctions.Http(PipelineFunctions.PublishSubmission).InvokeAsync(services, request, id, cancellationToken));
}
