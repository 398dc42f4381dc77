using Microsoft.AspNetCore.Http;

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
public sealed record HttpFunction(
    string Name,
    string Method,
    string Route,
    Func<IServiceProvider, HttpRequest, string?, CancellationToken, Task<IResult>> Handler)
    : PipelineFunction(Name)
{
    public Task<IResult> InvokeAsync(IServiceProvider services, HttpRequest request, string? id, CancellationToken cancellationToken) =>
        Handler(services, request, id, cancellationToken);
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
