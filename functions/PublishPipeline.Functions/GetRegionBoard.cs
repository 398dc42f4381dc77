using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>GET /api/regions/{id}/board?year=Y[&amp;format=csv]: a region's supervisor board (page, JSON or CSV).</summary>
public sealed class GetRegionBoard(IServiceProvider services)
{
    [Function(PipelineFunctions.GetRegionBoard)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, PipelineFunctions.Get, Route = RegionsApi.BoardRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await PipelineFunctions.Http(PipelineFunctions.GetRegionBoard).InvokeAsync(services, request, id, cancellationToken));
}
