using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>GET /api/regions: the regions the caller supervises, each linking to its board.</summary>
public sealed class ListSupervisedRegions(IServiceProvider services)
{
    [Function(PipelineFunctions.ListSupervisedRegions)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, PipelineFunctions.Get, Route = RegionsApi.ListRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await PipelineFunctions.Http(PipelineFunctions.ListSupervisedRegions).InvokeAsync(services, request, null, cancellationToken));
}
