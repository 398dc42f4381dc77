using PublishPipeline.Site;

namespace PublishPipeline.Tests.Site;

public sealed class PreviewHeadersTests
{
    public static TheoryData<string> Pages => new() { "preview", "status" };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Private_pages_are_not_cached_indexed_sniffed_or_referred(string page)
    {
        var headers = Headers(page);

        Assert.Equal("private, no-store", headers["Cache-Control"]);
        Assert.Equal("noindex", headers["X-Robots-Tag"]);
        Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
        Assert.Equal("no-referrer", headers["Referrer-Policy"]);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Content_security_policy_allows_inline_style_and_nothing_else_to_load(string page)
    {
        var directives = Headers(page)["Content-Security-Policy"]
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

        Assert.Equal("'none'", directives["default-src"]);
        Assert.Equal("'unsafe-inline'", directives["style-src"]);
        Assert.Equal("data:", directives["img-src"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.Equal("'none'", directives["base-uri"]);
        Assert.False(directives.ContainsKey("script-src"));
        Assert.Equal(page == "status" ? "'self'" : "'none'", directives["form-action"]);
    }

    [Fact]
    public void Pages_are_utf8_html() => Assert.Equal("text/html; charset=utf-8", PreviewHeaders.ContentType);

    private static Dictionary<string, string> Headers(string page) =>
        (page == "status" ? PreviewHeaders.StatusPage : PreviewHeaders.Preview).ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
}
