using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>POST /api/submissions/{id}/return: return (with comments).</summary>
public sealed class ReturnSubmission(IServiceProvider services)
{
    [Function(PipelineFunctions.ReturnSubmission)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, PipelineFunctions.Post, Route = ReviewApi.ReturnRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await PipelineFunctions.Http(PipelineFunctions.ReturnSubmission).InvokeAsync(services, request, id, cancellationToken));
}
