using System.Text;
using AngleSharp.Dom;

namespace PublishPipeline.Reading.Html;

/// <summary>Text of an element gathered without recursion (a hostile page may nest thousands of elements).</summary>
internal static class HtmlText
{
    /// <summary>A table cell's text: &lt;br&gt; and blocks become spaces, whitespace runs collapse, &amp;nbsp; is a space.</summary>
    public static string CellText(IElement cell) => Collapse(Gather(cell, int.MaxValue));

    /// <summary>The first <paramref name="limit"/> characters or so of an element's text, for recognising it.</summary>
    public static string Prefix(IElement element, int limit) => Collapse(Gather(element, limit));

    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text)
        {
            var ch = raw is '\u00A0' or '\u3000' or '\u200B' or '\uFEFF' ? ' ' : raw;
            if (char.IsWhiteSpace(ch))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    private static string Gather(IElement element, int limit)
    {
        var builder = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0 && builder.Length < limit)
        {
            var node = stack.Pop();
            switch (node)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement child when child != element && (child.LocalName is "br" or "p" or "div" or "li" or "tr"):
                    builder.Append(' ');
                    goto default;
                case IElement child when HtmlReportReader.IsChromeTag(child.LocalName):
                    break;
                default:
                    for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                    {
                        stack.Push(node.ChildNodes[i]);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
