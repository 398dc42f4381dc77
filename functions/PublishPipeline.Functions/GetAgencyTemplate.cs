using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>GET /api/agencies/{id}/template?year=Y: the agency's Word template for the year, pre-filled from last year's published report.</summary>
public sealed class GetAgencyTemplate(IServiceProvider services)
{
    [Function(PipelineFunctions.GetAgencyTemplate)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, PipelineFunctions.Get, Route = TemplatesApi.Route)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await PipelineFunctions.Http(PipelineFunctions.GetAgencyTemplate).InvokeAsync(services, request, id, cancellationToken));
}
