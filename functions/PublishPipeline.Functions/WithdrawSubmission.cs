using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>POST /api/submissions/{id}/withdraw: withdraw.</summary>
public sealed class WithdrawSubmission(IServiceProvider services)
{
    [Function(PipelineFunctions.WithdrawSubmission)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, PipelineFunctions.Post, Route = ReviewApi.WithdrawRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await PipelineFunctions.Http(PipelineFunctions.WithdrawSubmission).InvokeAsync(services, request, id, cancellationToken));
}
