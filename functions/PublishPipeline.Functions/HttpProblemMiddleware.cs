using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>
/// Runs the HTTP functions through the shared <see cref="PipelineHttp"/> behaviour, as <c>pubpipe dev</c> runs its
/// routes. Queue, blob and timer functions are left alone: their exceptions must reach the host so retries and the
/// poison queues work.
/// </summary>
internal sealed class HttpProblemMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next) =>
        context.GetHttpContext() is { } http
            ? PipelineHttp.InvokeAsync(http, () => next(context))
            : next(context);
}
