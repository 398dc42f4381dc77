using Azure;
using Microsoft.AspNetCore.Http;
using PublishPipeline.Storage;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// Serves the <c>$web</c> container as a website, as Azure's static website endpoint does: <c>…/</c> serves
/// <c>…/index.html</c>, a folder URL without its slash is redirected, and a missing page is a 404.
/// (Azurite serves blobs but no index documents.)
/// </summary>
internal sealed class StaticSiteServer(PipelineStorage storage)
{
    public async Task ServeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        if (path.Split('/').Any(segment => segment is ".." or "."))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var blobName = path.TrimStart('/');
        if (blobName.Length == 0 || blobName.EndsWith('/'))
        {
            blobName += "index.html";
        }

        if (await TryServeAsync(context, blobName))
        {
            return;
        }

        var lastSegment = blobName[(blobName.LastIndexOf('/') + 1)..];
        if (!lastSegment.Contains('.', StringComparison.Ordinal) && await storage.Web.GetBlobClient(blobName + "/index.html").ExistsAsync(context.RequestAborted))
        {
            context.Response.Redirect(path + "/" + context.Request.QueryString, permanent: true);
            return;
        }

        // As Azure's static website does with its error document: the site's own 404 page, with status 404.
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        if (!await TryServeAsync(context, PublishPipeline.Site.SitePaths.NotFound))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("404 页面不存在", context.RequestAborted);
        }
    }

    private async Task<bool> TryServeAsync(HttpContext context, string blobName)
    {
        try
        {
            var download = await storage.Web.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: context.RequestAborted);
            using var content = download.Value;
            context.Response.ContentType = content.Details.ContentType ?? "application/octet-stream";
            context.Response.ContentLength = content.Details.ContentLength;
            if (content.Details.CacheControl is { } cacheControl)
            {
                context.Response.Headers.CacheControl = cacheControl;
            }

            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await content.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}
