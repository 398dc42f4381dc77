using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;

namespace PublishPipeline.Functions;

/// <summary>POST /api/drafts: an agency uploads a draft (multipart: file, agency, year).</summary>
public sealed class SubmitDraft(DraftsApi api)
{
    [Function(nameof(SubmitDraft))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = DraftsApi.Route)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await api.SubmitAsync(request, cancellationToken));
}
