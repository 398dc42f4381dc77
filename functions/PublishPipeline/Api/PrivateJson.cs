using Microsoft.AspNetCore.Http;
using PublishPipeline.Reports;

namespace PublishPipeline.Api;

/// <summary>
/// JSON about a submission that is not public (findings, reviewers' comments, who uploaded): never kept by a shared
/// cache or a browser's back-forward cache.
/// </summary>
public sealed class PrivateJson(object value) : IResult
{
    public static IResult Of(object value) => new PrivateJson(value);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.CacheControl = "private, no-store";
        await Results.Json(value, ReportJson.CompactOptions).ExecuteAsync(httpContext);
    }
}
