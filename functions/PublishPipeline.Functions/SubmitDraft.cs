using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>POST /api/drafts: an agency uploads a draft (multipart: file, agency, year).</summary>
public sealed class SubmitDraft(IServiceProvider services)
{
    [Function(PipelineFunctions.SubmitDraft)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, PipelineFunctions.Post, Route = DraftsApi.Route)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await PipelineFunctions.Http(PipelineFunctions.SubmitDraft).InvokeAsync(services, request, null, cancellationToken));
}
