using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;

namespace PublishPipeline.Functions;

/// <summary>GET /api/agencies/{id}/submissions: every version of an agency's reports.</summary>
public sealed class ListAgencySubmissions(SubmissionsApi api)
{
    [Function(nameof(ListAgencySubmissions))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SubmissionsApi.AgencyRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await api.ListForAgencyAsync(request, id, cancellationToken));
}
