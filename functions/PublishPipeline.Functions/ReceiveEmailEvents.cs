using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Api;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>POST /api/email-events: SendGrid's Signed Event Webhook (delivered, bounce, dropped, spam report…).</summary>
public sealed class ReceiveEmailEvents(IServiceProvider services)
{
    [Function(PipelineFunctions.ReceiveEmailEvents)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, PipelineFunctions.Post, Route = EmailEventsApi.Route)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await PipelineFunctions.Http(PipelineFunctions.ReceiveEmailEvents).InvokeAsync(services, request, null, cancellationToken));
}
