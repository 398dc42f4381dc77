namespace PublishPipeline.Site;

/// <summary>
/// The response headers the API host sends with the private pages (report preview, submission status). They are
/// for the people handling one submission only: never cached by a shared cache or indexed, no script may run, no
/// other site may frame them, and the address (which names the submission) is not passed on as a referrer.
/// </summary>
public static class PreviewHeaders
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>The preview page has no forms at all.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Preview { get; } = Build(formAction: "'none'");

    /// <summary>The status page's action forms post to the same host (<c>/api/submissions/{id}/…</c>) and nowhere else.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> StatusPage { get; } = Build(formAction: "'self'");

    private static KeyValuePair<string, string>[] Build(string formAction) =>
    [
        new("Cache-Control", "private, no-store"),
        new("X-Robots-Tag", "noindex"),
        new(
            "Content-Security-Policy",
            $"default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action {formAction}; frame-ancestors 'none'; base-uri 'none'"),
        new("X-Content-Type-Options", "nosniff"),
        new("Referrer-Policy", "no-referrer"),
    ];
}
