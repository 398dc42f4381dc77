using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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
    /// Runs one API request. A body over <see cref="RequestLimits"/> is refused with a 413 problem before it is read
    /// (by its Content-Length) or as soon as it passes the limit (a chunked body: Kestrel's per-request limit is set
    /// here, so both hosts refuse the same bodies); an exception becomes a 500 problem in Chinese, a 400/413 one for
    /// a request the server cannot parse, or a 503 with Retry-After when storage cannot be reached. The caller's
    /// mistakes are logged as one warning line, never with a stack trace.
    /// </summary>
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var limit = RequestLimits.BodyLimit(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            Logger(context).LogWarning(
                "{Method} {Path}: 413, Content-Length {Length} is over the {Limit}-byte limit",
                context.Request.Method, context.Request.Path, context.Request.ContentLength, limit);

            // Unread, the body cannot keep the connection: Kestrel closes it after this answer instead of draining it.
            await TypedResults.Problem(TooLarge(limit)).ExecuteAsync(context);
            return;
        }

        try
        {
            await next();
        }
        catch (Exception e) when (!context.Response.HasStarted && !(e is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            var logger = Logger(context);
            // A body the server cannot parse (a broken multipart form, a body over the limit) is the caller's to fix.
            var problem = e switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(limit),
                BadHttpRequestException bad => Problem(bad.StatusCode, "请求无效", "请求无法解析（格式错误或不完整），请检查后重新提交。"),
                InvalidDataException => Problem(StatusCodes.Status400BadRequest, "请求无效", "请求无法解析（格式错误或不完整），请检查后重新提交。"),
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
                // The caller's mistake, not ours: one line with what was wrong, no stack trace to alarm an operator.
                logger.LogWarning("{Method} {Path}: {Status}, {Reason}", context.Request.Method, context.Request.Path, problem.Status, e.Message);
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

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(PipelineHttp).FullName!)
        ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private static ProblemDetails TooLarge(long limit)
    {
        var body = BodyProblem.TooLarge(limit);
        return Problem(body.Status, body.Title, body.Detail);
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail, Type = Problems.TypeFor(status) };
}
