using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>GET /api/agencies/{id}/submissions: every version of an agency's reports.</summary>
public sealed class ListAgencySubmissions(IServiceProvider services)
{
    [Function(PipelineFunctions.ListAgencySubmissions)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, PipelineFunctions.Get, Route = SubmissionsApi.AgencyRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await PipelineFunctions.Http(PipelineFunctions.ListAgencySubmissions).InvokeAsync(services, request, id, cancellationToken));
}
