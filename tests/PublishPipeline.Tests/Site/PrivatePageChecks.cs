using AngleSharp.Dom;

namespace PublishPipeline.Tests.Site;

/// <summary>What every private page (preview, submission status) must be: unindexed, script-free, self-contained, and free of markup from untrusted text.</summary>
internal static class PrivatePageChecks
{
    public static void AssertSelfContainedAndUnindexed(IDocument dom)
    {
        Assert.Equal("zh-CN", dom.DocumentElement.GetAttribute("lang"));
        Assert.Equal("html", dom.Doctype?.Name);
        Assert.Equal("noindex,nofollow", dom.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Empty(dom.QuerySelectorAll("link"));
        Assert.Empty(dom.QuerySelectorAll("script"));
        Assert.Empty(dom.QuerySelectorAll("[style]"));
        var style = Assert.Single(dom.QuerySelectorAll("head style"));

        // The public site's rules and the private additions are both inline.
        Assert.Contains(".report-table", style.TextContent, StringComparison.Ordinal);
        Assert.Contains(".preview-banner", style.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"Noto Serif CJK SC\"", style.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(dom.All, e => e.Attributes.Any(a => a.Value.Contains("/assets/", StringComparison.Ordinal)));
    }

    public static void AssertNoInjectedMarkup(IDocument dom)
    {
        Assert.Empty(dom.QuerySelectorAll("script"));
        Assert.Empty(dom.QuerySelectorAll("img"));
        Assert.Empty(dom.QuerySelectorAll("iframe"));
        Assert.DoesNotContain(dom.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(dom.All, e => e.Attributes.Any(a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)));
    }
}
