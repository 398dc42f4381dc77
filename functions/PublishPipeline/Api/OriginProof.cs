using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace PublishPipeline.Api;

/// <summary>
/// Cross-site request forgery, refused for every state-changing request whatever its content type. The danger is a
/// browser's ambient credential: a page on another site can make the browser send a simple request (a form post, or a
/// fetch with <c>text/plain</c>, <c>multipart/form-data</c> or <c>application/x-www-form-urlencoded</c>) to this API
/// and the browser attaches the sign-in cookie by itself. So a POST, PUT, PATCH or DELETE must prove it is not such a
/// request, by one of:
/// <list type="number">
/// <item>an <c>Origin</c> header naming this API (its own scheme and host, or the configured API base URL), or with no
/// Origin a <c>Referer</c> naming it. A foreign Origin or Referer is refused whatever else the request carries: no
/// page of another site is a client of this API, and neither host answers CORS preflights;</item>
/// <item>with neither header, no cookie at all: the caller's credential (a bearer token, a key, a header) is then one
/// a browser never attaches by itself, so a foreign page cannot borrow it;</item>
/// <item>with neither header, something a foreign page can only send after a CORS preflight (which fails here): a
/// non-simple content type such as <c>application/json</c>, an <c>Authorization: Bearer</c> token, a function key, or
/// the dev host's <c>X-Dev-User</c>.</item>
/// </list>
/// There is no anti-forgery token: the status page's forms are same-origin, and browsers send Origin with them.
/// </summary>
public static class OriginProof
{
    public const string Title = "请求来源无法验证";

    private const string FunctionKeyHeader = "x-functions-key";

    /// <summary>The three content types a page may send to another site without a preflight (the Fetch standard's list).</summary>
    private static readonly string[] SimpleContentTypes = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

    /// <summary>The 403 problem for a request that cannot prove its origin; null when it may go on.</summary>
    public static IResult? Refusal(HttpRequest request, string? apiBaseUrl) =>
        Check(request, apiBaseUrl) is { } why ? Problems.Create(StatusCodes.Status403Forbidden, Title, why) : null;

    /// <summary>Why the request is refused (Chinese, for the problem's detail); null when it proved its origin.</summary>
    public static string? Check(HttpRequest request, string? apiBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ChangesState(request.Method))
        {
            return null;
        }

        var origin = request.Headers.Origin;
        if (origin.Count > 0 && !string.IsNullOrEmpty(origin.ToString()))
        {
            var value = origin.Count == 1 ? origin.ToString() : "";
            return IsThisApi(value, request, apiBaseUrl)
                ? null
                : $"请求来自其他网站的页面（Origin: {Shown(value)}），不是本站页面发出的，操作未执行。请在本站页面上操作，或由程序以 JSON 调用接口。";
        }

        var referer = request.Headers.Referer.ToString();
        if (referer.Length > 0)
        {
            return IsThisApi(referer, request, apiBaseUrl)
                ? null
                : $"请求来自其他网站的页面（Referer: {Shown(OriginOf(referer) ?? referer)}），不是本站页面发出的，操作未执行。请在本站页面上操作。";
        }

        if (request.Headers.Cookie.Count == 0 || CannotBeSentCrossSite(request))
        {
            return null;
        }

        return "请求带有登录 Cookie，但既没有指向本站的 Origin 或 Referer 头，也不是其他网站的页面无法发出的请求（如 application/json），"
            + "无法排除是其他网站冒用登录状态发出的，操作未执行。请在本站页面上操作，或由程序以 JSON 调用接口。";
    }

    /// <summary>GET, HEAD, OPTIONS and TRACE change nothing here; every other method may.</summary>
    public static bool ChangesState(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>
    /// A header or content type a page on another site cannot send without a CORS preflight. Only headers a client
    /// sets count: the platform adds its own (X-Forwarded-For, X-MS-CLIENT-PRINCIPAL) to every request.
    /// </summary>
    private static bool CannotBeSentCrossSite(HttpRequest request)
    {
        if (request.Headers[CallerResolver.DevUserHeader].Count > 0 || request.Headers[FunctionKeyHeader].Count > 0)
        {
            return true;
        }

        // Basic, Digest and NTLM credentials are sent by the browser by itself, like a cookie; a bearer token never is.
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // No content type, or one that does not parse, proves nothing: a page can send a body with none.
        return MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.HasValue
            && !SimpleContentTypes.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsThisApi(string source, HttpRequest request, string? apiBaseUrl)
    {
        if (!TryOrigin(source, out var claimed))
        {
            return false;
        }

        return (request.Host.HasValue && TryOrigin($"{request.Scheme}://{request.Host.Value}", out var own) && claimed == own)
            || (!string.IsNullOrWhiteSpace(apiBaseUrl) && TryOrigin(apiBaseUrl, out var configured) && claimed == configured);
    }

    /// <summary>Scheme, host and port (the default port made explicit), as browsers compare origins; http(s) only.</summary>
    private static bool TryOrigin(string text, out (string Scheme, string Host, int Port) origin)
    {
        origin = default;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.UserInfo.Length > 0)
        {
            return false;
        }

        origin = (uri.Scheme, uri.IdnHost.ToLowerInvariant(), uri.Port);
        return true;
    }

    private static string? OriginOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;

    /// <summary>The claimed source as the problem quotes it: bounded, so a header cannot fill the answer.</summary>
    private static string Shown(string value) => value.Length == 0 ? "（多个或空值）" : value.Length > 200 ? value[..200] + "…" : value;
}
