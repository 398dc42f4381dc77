using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>GET /api/submissions/{id}: a version's state, findings, versions and audit trail (a page for browsers).</summary>
public sealed class GetSubmission(IServiceProvider services)
{
    [Function(PipelineFunctions.GetSubmission)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, PipelineFunctions.Get, Route = SubmissionsApi.Route)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await PipelineFunctions.Http(PipelineFunctions.GetSubmission).InvokeAsync(services, request, id, cancellationToken));
}
