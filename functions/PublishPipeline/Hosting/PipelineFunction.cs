using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PublishPipeline.Api;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Hosting;

/// <summary>
/// One function of the app as both hosts run it: its name, its trigger and the handler call. The Functions app's
/// classes put the trigger in attributes (from <see cref="PipelineFunctions"/>' constants) and call
/// <see cref="PipelineFunctions"/>' handler; the local host binds every entry of <see cref="PipelineFunctions.All"/>.
/// </summary>
public abstract record PipelineFunction(string Name);

/// <summary>
/// An HTTP function under <c>/api/</c>. Every route here has at most one parameter, <c>{id}</c>, passed to the
/// handler (null for a route without one).
/// </summary>
/// <remarks>
/// Both hosts call <see cref="InvokeAsync"/>, so this is where a state-changing request proves its origin
/// (<see cref="OriginProof"/>) before any handler reads its body: every route in the catalogue is covered, whatever
/// its content type, and a new route is covered by being listed. A route whose caller is authenticated by a
/// signature over the body rather than by a browser's cookie (a provider's webhook) may say so with
/// <see cref="CallerOrigin.SignedSender"/>; it needs to only if such a request could carry a cookie, since a request
/// without one passes the rule anyway.
/// </remarks>
public sealed record HttpFunction(
    string Name,
    string Method,
    string Route,
    Func<IServiceProvider, HttpRequest, string?, CancellationToken, Task<IResult>> Handler,
    CallerOrigin Origin = CallerOrigin.ThisSite)
    : PipelineFunction(Name)
{
    public Task<IResult> InvokeAsync(IServiceProvider services, HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        if (Origin == CallerOrigin.ThisSite
            && OriginProof.Refusal(request, services.GetRequiredService<IOptions<PipelineOptions>>().Value.ApiBaseUrl) is { } refused)
        {
            return Task.FromResult(refused);
        }

        return Handler(services, request, id, cancellationToken);
    }
}

/// <summary>Who may send a state-changing request to an <see cref="HttpFunction"/>.</summary>
public enum CallerOrigin
{
    /// <summary>
    /// Pages of this site and programs (the default): a request with the browser's sign-in cookie must prove it was
    /// not sent by another site's page (<see cref="OriginProof"/>).
    /// </summary>
    ThisSite,

    /// <summary>A sender that signs its body (a provider's webhook) and is never authenticated by a cookie.</summary>
    SignedSender,
}

/// <summary>A function triggered by a message on a Storage queue; the handler gets the decoded message text.</summary>
public sealed record QueueFunction(
    string Name,
    string QueueName,
    Func<IServiceProvider, string, CancellationToken, Task> Handler)
    : PipelineFunction(Name)
{
    public Task InvokeAsync(IServiceProvider services, string message, CancellationToken cancellationToken) =>
        Handler(services, message, cancellationToken);
}

/// <summary>
/// A function triggered by a new blob under <see cref="Path"/>: by Event Grid in Azure, by polling locally (Azurite has
/// no Event Grid). The handler gets the blob's name inside its container.
/// </summary>
public sealed record BlobFunction(
    string Name,
    string Path,
    Func<IServiceProvider, string, CancellationToken, Task> Handler)
    : PipelineFunction(Name)
{
    public Task InvokeAsync(IServiceProvider services, string blobName, CancellationToken cancellationToken) =>
        Handler(services, blobName, cancellationToken);
}

/// <summary>
/// A timer function. <see cref="Schedule"/> is the attribute's <c>%Setting%</c>: the NCRONTAB expression (six fields,
/// UTC) is an app setting in Azure, and the local host reads the same setting. <see cref="LocalSchedule"/> is what the
/// local host uses when the setting is not given: a few seconds for jobs a local run should see happen, null for a job
/// that runs there only on demand.
/// </summary>
public sealed record TimerFunction(
    string Name,
    string Schedule,
    string? LocalSchedule,
    Func<IServiceProvider, CancellationToken, Task> Handler)
    : PipelineFunction(Name)
{
    /// <summary>The app setting that holds the schedule (<c>ReconcileSchedule</c> for <c>%ReconcileSchedule%</c>).</summary>
    public string ScheduleSetting => Schedule.Trim('%');

    public Task InvokeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Handler(services, cancellationToken);
}
