using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace PublishPipeline.Api;

/// <summary>
/// Reading a form body the same way on every route: a body that is malformed or cut short is the caller's 400, one
/// over the server's limit (<see cref="RequestLimits"/>) the caller's 413 (answered by PipelineHttp); never a 500.
/// </summary>
public static class RequestForms
{
    public static async Task<(IFormCollection? Form, BodyProblem? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !TooLarge(e) && !cancellationToken.IsCancellationRequested)
        {
            // IOException here is the request's own stream: a form cut short, or broken parts. A body that passed the
            // limit while read goes on to PipelineHttp, which answers every such body with the same 413.
            return (null, BodyProblem.MalformedForm(request));
        }
    }

    /// <summary>Kestrel's refusal of a body that passed the limit while read (a BadHttpRequestException is an IOException).</summary>
    public static bool TooLarge(Exception e) => e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };

    /// <summary>The boundary parameter of a multipart content type, unquoted; null when there is none.</summary>
    public static string? GetMultipartBoundary(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value
            : null;
    }
}
