using AngleSharp.Dom;
using PublishPipeline.Notices;

namespace PublishPipeline.Tests.Notices;

/// <summary>Checks every composed email must pass: facts in both bodies, one-line subject, untrusted text never markup.</summary>
internal static class EmailAssert
{
    public static IDocument Parse(EmailContent email) => Html.Parse(email.Html);

    /// <summary>Each fact appears in the HTML body's text and in the plain-text body.</summary>
    public static void BothBodiesContain(EmailContent email, params string[] facts)
    {
        var html = Parse(email).Body!.TextContent;
        foreach (var fact in facts)
        {
            Assert.Contains(fact, html, StringComparison.Ordinal);
            Assert.Contains(fact, email.Text, StringComparison.Ordinal);
        }
    }

    public static void NeitherBodyContains(EmailContent email, params string[] texts)
    {
        var html = Parse(email).Body!.TextContent;
        foreach (var text in texts)
        {
            Assert.DoesNotContain(text, html, StringComparison.Ordinal);
            Assert.DoesNotContain(text, email.Text, StringComparison.Ordinal);
        }
    }

    public static void SubjectIsOneLine(EmailContent email)
    {
        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.DoesNotContain(email.Subject, char.IsControl);
    }

    /// <summary>No element, event handler or script URL came from the untrusted text; the HTML is one document.</summary>
    public static void NoInjectedMarkup(EmailContent email)
    {
        var html = Parse(email);
        Assert.Empty(html.QuerySelectorAll("script, img, iframe, b, svg"));
        Assert.DoesNotContain(html.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(html.All, e => e.Attributes.Any(a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal("zh-CN", html.DocumentElement.GetAttribute("lang"));
        Assert.Contains("您好", email.Html, StringComparison.Ordinal); // Chinese written as characters, not &#x…; entities
    }

    /// <summary>The body rows of the data tables (those with a header row), not of the facts table, whose rows the parser also puts in a tbody.</summary>
    public static IElement[] DataRows(EmailContent email) =>
        Parse(email).QuerySelectorAll("table").Where(t => t.QuerySelector("thead") is not null).SelectMany(t => t.QuerySelectorAll("tbody tr")).ToArray();

    public static string[] Hrefs(EmailContent email) =>
        Parse(email).QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ToArray();
}
