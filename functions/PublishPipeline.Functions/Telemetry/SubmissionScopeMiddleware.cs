using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using PublishPipeline.Telemetry;

namespace PublishPipeline.Functions.Telemetry;

/// <summary>
/// Puts every invocation's logs in the scope of the report its trigger names (<see cref="PipelineLogScope"/>): the
/// queue message's submission, the draft blob's agency and year, the route's submission id. One place for every
/// trigger, so no function class or handler has to remember it.
/// </summary>
public sealed class SubmissionScopeMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return PipelineLogScope.RunAsync(context.GetLogger<SubmissionScopeMiddleware>(), context.BindingContext.BindingData, () => next(context));
    }
}
