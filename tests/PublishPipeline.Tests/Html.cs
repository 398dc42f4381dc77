using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PublishPipeline.Tests;

/// <summary>Parses rendered HTML into a DOM, as a browser would, so tests assert structure rather than substrings.</summary>
internal static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The text of a cell with whitespace trimmed.</summary>
    public static string Text(IElement element) => element.TextContent.Trim();
}
