using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublishPipeline.Api;

namespace PublishPipeline.Hosting;

/// <summary>
/// The HTTP behaviour both hosts give the API, in one place: problem details (RFC 7807) in Chinese, and a request that
/// fails with an exception answered as a Chinese problem with the trace id to quote, never the exception's text.
/// The Functions app calls it from a worker middleware, <c>pubpipe dev</c> from an ASP.NET Core middleware.
/// </summary>
public static class PipelineHttp
{
    /// <summary>The ProblemDetails service both hosts write problems with (the API's own refusals and failures alike).</summary>
    public static IServiceCollection AddPipelineHttp(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Every problem names the request, so a person can quote it and an operator find its logs.
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        return services;
    }

    /// <summary>Runs one API request; an exception becomes a 500 (or 400 for a malformed request) problem in Chinese.</summary>
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (Exception e) when (!context.Response.HasStarted && !(e is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            var logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(PipelineHttp).FullName!)
                ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
            // A body the server cannot parse (a broken multipart form, a body over Kestrel's limit) is the caller's to fix.
            var problem = e switch
            {
                BadHttpRequestException bad => Problem(bad.StatusCode, "请求无效", "请求无法解析（格式错误或内容过大），请检查后重新提交。"),
                InvalidDataException => Problem(StatusCodes.Status400BadRequest, "请求无效", "请求无法解析（格式错误或内容过大），请检查后重新提交。"),
                _ => Problem(StatusCodes.Status500InternalServerError, "服务器内部错误", "处理请求时出错，请稍后重试；如仍失败，请将 traceId 告知运维人员。"),
            };
            if (problem.Status >= 500)
            {
                logger.LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            }
            else
            {
                logger.LogWarning(e, "{Method} {Path}: bad request", context.Request.Method, context.Request.Path);
            }

            context.Response.Clear();

            // The same result the API's own refusals use (Problems): written by the ProblemDetails service, whatever
            // the client accepts.
            await TypedResults.Problem(problem).ExecuteAsync(context);
        }
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail, Type = Problems.TypeFor(status) };
}
