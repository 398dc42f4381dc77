using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>GET /api/submissions/{id}/preview: the version's page as it will be published, for its submitters and reviewers only.</summary>
public sealed class PreviewSubmission(IServiceProvider services)
{
    [Function(PipelineFunctions.PreviewSubmission)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, PipelineFunctions.Get, Route = SubmissionsApi.PreviewRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await PipelineFunctions.Http(PipelineFunctions.PreviewSubmission).InvokeAsync(services, request, id, cancellationToken));
}
