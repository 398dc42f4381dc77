namespace PublishPipeline.Reading.Html;

/// <summary>
/// Estimates how deep a page's elements nest from its raw markup, before parsing: the HTML5 tree builder checks the
/// stack of open elements at every tag, so a page nesting 100,000 elements costs quadratic time to parse at all.
/// Void and self-closing elements, and those whose end tag is optional (p, li, td…), are not counted.
/// </summary>
internal static class HtmlNesting
{
    private static readonly HashSet<string> NotCounted =
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "dt", "dd", "td", "th", "tr", "tbody", "thead", "tfoot", "option", "optgroup", "colgroup", "caption",
        "html", "head", "body", "!doctype",
    ];

    public static bool Exceeds(string html, int maxDepth)
    {
        var depth = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var j = start;
            while (j < html.Length && (char.IsAsciiLetterOrDigit(html[j]) || html[j] == '!'))
            {
                j++;
            }

            if (j == start)
            {
                i++;
                continue;
            }

            var name = html[start..j].ToLowerInvariant();
            var close = html.IndexOf('>', j);
            if (close < 0)
            {
                break;
            }

            if (name is "script" or "style" && !closing)
            {
                var end = html.IndexOf("</" + name, close, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }

            if (!NotCounted.Contains(name) && html[close - 1] != '/')
            {
                depth = closing ? Math.Max(0, depth - 1) : depth + 1;
                if (depth > maxDepth)
                {
                    return true;
                }
            }

            i = close + 1;
        }

        return false;
    }
}
