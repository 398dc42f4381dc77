using System.Text;
using Microsoft.AspNetCore.Http;

namespace PublishPipeline.Api;

/// <summary>
/// A private download (the board's CSV): never kept by a shared cache, saved under its name. The name goes both as a
/// plain ASCII <c>filename</c> and as RFC 5987 <c>filename*</c>, so a name with Chinese in it survives every browser.
/// </summary>
public sealed class PrivateFile(ReadOnlyMemory<byte> content, string contentType, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers.CacheControl = "private, no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers.ContentDisposition = ContentDisposition(fileName);
        response.ContentLength = content.Length;
        await response.Body.WriteAsync(content, httpContext.RequestAborted);
    }

    public static string ContentDisposition(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var ascii = new StringBuilder();
        foreach (var c in fileName)
        {
            ascii.Append(c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_');
        }

        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
