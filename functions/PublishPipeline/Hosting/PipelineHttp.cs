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

    /// <summary>
    /// Runs one API request; an exception becomes a problem in Chinese: 400 for a malformed request, 503 with Retry-After
    /// when storage cannot be reached, else 500.
    /// </summary>
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
                _ when StorageUnavailable(e) => Problem(StatusCodes.Status503ServiceUnavailable, "服务暂时不可用", "存储服务暂时无法访问，本次请求未被处理，请稍后重新提交。"),
                _ => Problem(StatusCodes.Status500InternalServerError, "服务器内部错误", "处理请求时出错，请稍后重试；如仍失败，请将 traceId 告知运维人员。"),
            };
            if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            {
                // An outage, not a bug: one line, and the client is told when to try again.
                logger.LogWarning("{Method} {Path}: storage unavailable ({Error})", context.Request.Method, context.Request.Path, (e is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[0] : e).GetBaseException().Message);
            }
            else if (problem.Status >= 500)
            {
                logger.LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            }
            else
            {
                logger.LogWarning(e, "{Method} {Path}: bad request", context.Request.Method, context.Request.Path);
            }

            context.Response.Clear();
            if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            {
                context.Response.Headers.RetryAfter = RetryAfterSeconds;
            }

            // The same result the API's own refusals use (Problems): written by the ProblemDetails service, whatever
            // the client accepts.
            await TypedResults.Problem(problem).ExecuteAsync(context);
        }
    }

    /// <summary>How long a client is asked to wait after a storage outage answer.</summary>
    private const string RetryAfterSeconds = "10";

    /// <summary>
    /// Whether the request failed because storage could not be reached or was failing (no answer, or a 5xx after
    /// the SDK's own retries): the caller should try again later. An upload sent again is recognised by its content,
    /// so a retry never makes a second version.
    /// </summary>
    internal static bool StorageUnavailable(Exception e) => e switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(StorageUnavailable),
        Azure.RequestFailedException failed => failed.Status is 0 or >= 500,
        HttpRequestException or System.Net.Sockets.SocketException or TimeoutException => true,
        _ => false,
    };

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail, Type = Problems.TypeFor(status) };
}
