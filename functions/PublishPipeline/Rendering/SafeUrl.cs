namespace PublishPipeline.Rendering;

/// <summary>
/// Razor escapes attribute values but does not neutralise <c>javascript:</c> URLs (FACTS.md), so any URL that did
/// not come from our own path builders is checked before it becomes an href.
/// </summary>
internal static class SafeUrl
{
    /// <summary>True for an absolute http(s) URL; everything else (javascript:, data:, relative) is refused.</summary>
    public static bool IsHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
