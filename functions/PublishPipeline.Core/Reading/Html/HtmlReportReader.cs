using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PublishPipeline.Reading.Html;

/// <summary>
/// Reads a report page as published on a government portal into the same layout items the text reader produces:
/// it drops site chrome (scripts, styles, navigation, headers, footers, sidebars), finds the element that holds the
/// report (the closest common ancestor of the report's tables, part headings and title), and walks it in document
/// order: text lines become headings or narrative, tables become rows of logical cells (<see cref="HtmlTableGrid"/>).
/// Nothing is fetched: the parser loads no resources and runs no scripts. Every walk is iterative and the nesting
/// depth is capped, so a hostile page costs bounded stack, time and memory.
/// </summary>
internal static class HtmlReportReader
{
    /// <summary>Deeper pages are refused: real report pages nest a few dozen levels.</summary>
    public const int MaxDepth = 512;

    private const int SignalPrefix = 120;
    private const int MaxTitleLength = 60;

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly HashSet<string> ChromeTags =
        ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe", "form", "select", "button", "svg", "object", "embed", "head", "img", "video", "audio", "canvas", "map"];

    private static readonly string[] ChromeWords = ["nav", "menu", "footer", "header", "sidebar", "breadcrumb", "crumb", "share", "copyright", "banner", "toolbar", "related", "friendlink"];

    private static readonly HashSet<string> BlockTags =
        ["p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "table", "tr", "td", "th", "tbody", "thead", "caption", "body"];

    private static readonly string[] TableSignals = ["第二十条", "勾稽", "申请人情况", "本年新收", "行政复议", "结转下年度"];

    public static bool IsChromeTag(string localName) => ChromeTags.Contains(localName);

    /// <summary>The layout items and the plain text of the report body, or null when the page nests too deep.</summary>
    public static (List<LayoutItem> Items, string Text)? Read(string html)
    {
        if (HtmlNesting.Exceeds(html, MaxDepth))
        {
            return null;
        }

        using var document = Parser.ParseDocument(html);
        var body = document.Body ?? document.DocumentElement;
        if (body is null || TooDeep(body))
        {
            return null;
        }

        var signals = FindSignals(body);
        var root = CommonAncestor(signals) ?? body;
        var keep = new HashSet<IElement>();
        foreach (var signal in signals)
        {
            for (var e = signal; e is not null && keep.Add(e); e = e.ParentElement)
            {
            }
        }

        var walker = new Walker(keep);
        walker.Walk(root);
        AddPageTitle(document, walker.Items);
        return (walker.Items, walker.Text.ToString());
    }

    private static bool TooDeep(IElement body)
    {
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((body, 0));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (depth > MaxDepth)
            {
                return true;
            }

            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
            }
        }

        return false;
    }

    /// <summary>Report tables, part headings and the title line: what the report body must contain.</summary>
    private static List<IElement> FindSignals(IElement body)
    {
        var signals = new List<IElement>();
        var stack = new Stack<IElement>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (IsChromeTag(element.LocalName))
            {
                continue;
            }

            if (element is IHtmlTableElement table && !HasNestedTable(table))
            {
                var folded = LabelText.Fold(HtmlText.Prefix(table, 2000));
                if (TableSignals.Any(s => folded.Contains(s, StringComparison.Ordinal)))
                {
                    signals.Add(table);
                }

                continue;
            }

            if (element.LocalName is "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "strong" or "b" or "span" or "font" or "li"
                || (element.LocalName == "div" && element.ChildElementCount == 0))
            {
                var text = HtmlText.Prefix(element, SignalPrefix);
                if (SectionHeadings.Instance.Match(text) is not null
                    || (text.Length <= MaxTitleLength && LabelText.Fold(text).Contains("年度报告", StringComparison.Ordinal)))
                {
                    signals.Add(element);
                    continue;
                }
            }

            // Children is a live collection that counts and indexes by walking the child list: taken once, not per child
            // (found fuzzing: a page of 5,000 sibling paragraphs spent 40 s here).
            var children = element.Children.ToArray();
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        return signals;
    }

    private static bool HasNestedTable(IElement table)
    {
        var stack = new Stack<IElement>(table.Children);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element.LocalName == "table")
            {
                return true;
            }

            foreach (var child in element.Children)
            {
                stack.Push(child);
            }
        }

        return false;
    }

    private static IElement? CommonAncestor(List<IElement> elements)
    {
        if (elements.Count == 0)
        {
            return null;
        }

        List<IElement> Chain(IElement e)
        {
            var chain = new List<IElement>();
            for (var x = e; x is not null; x = x.ParentElement)
            {
                chain.Add(x);
            }

            chain.Reverse();
            return chain;
        }

        var common = Chain(elements[0]);
        foreach (var element in elements.Skip(1))
        {
            var chain = Chain(element);
            var n = 0;
            while (n < common.Count && n < chain.Count && common[n] == chain[n])
            {
                n++;
            }

            common.RemoveRange(n, common.Count - n);
        }

        // A lone table or heading is the report only with its surroundings.
        var ancestor = common.Count == 0 ? null : common[^1];
        return elements.Count == 1 ? ancestor?.ParentElement ?? ancestor : ancestor;
    }

    /// <summary>Portals often print the title only in &lt;title&gt;: use it when the body has no title line.</summary>
    private static void AddPageTitle(IHtmlDocument document, List<LayoutItem> items)
    {
        foreach (var item in items)
        {
            if (item is NarrativeItem narrative && narrative.Text.Length <= MaxTitleLength
                && LabelText.Fold(narrative.Text).Contains("年度报告", StringComparison.Ordinal))
            {
                return;
            }

            if (item is HeadingItem or TableRowItem)
            {
                break;
            }
        }

        var title = document.Title ?? "";
        foreach (var part in title.Split(['_', '|', '-', '—'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (LabelText.Fold(part).Contains("年度报告", StringComparison.Ordinal) && part.Length <= MaxTitleLength)
            {
                items.Insert(0, new NarrativeItem(0, part));
                return;
            }
        }
    }

    /// <summary>Emits lines and tables in document order.</summary>
    private sealed class Walker(HashSet<IElement> keep)
    {
        private readonly StringBuilder line = new();
        private int lineNumber;

        public List<LayoutItem> Items { get; } = [];

        public StringBuilder Text { get; } = new();

        public void Walk(IElement root)
        {
            // A null node marks the end of a block: the line it held is complete.
            var stack = new Stack<INode?>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                switch (node)
                {
                    case null:
                        Flush();
                        break;
                    case IText text:
                        line.Append(text.Data);
                        break;
                    case IElement element when IsChrome(element):
                        break;
                    case IElement { LocalName: "br" }:
                        Flush();
                        break;
                    case IHtmlTableElement table when !HasNestedTable(table):
                        Flush();
                        EmitTable(table);
                        break;
                    case IElement element:
                        var block = BlockTags.Contains(element.LocalName);
                        if (block)
                        {
                            Flush();
                            stack.Push(null);
                        }

                        for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
                        {
                            stack.Push(element.ChildNodes[i]);
                        }

                        break;
                }
            }

            Flush();
        }

        private bool IsChrome(IElement element)
        {
            if (IsChromeTag(element.LocalName))
            {
                return true;
            }

            if (keep.Contains(element))
            {
                return false;
            }

            var marks = ((element.ClassName ?? "") + " " + (element.Id ?? "")).ToLowerInvariant();
            return marks.Length > 1 && ChromeWords.Any(w => marks.Contains(w, StringComparison.Ordinal));
        }

        private void EmitTable(IHtmlTableElement table)
        {
            foreach (var row in HtmlTableGrid.Rows(table))
            {
                if (row.All(c => c.Length == 0))
                {
                    continue;
                }

                Items.Add(new TableRowItem(++lineNumber, row));
                Text.AppendJoin('\t', row).Append('\n');
            }
        }

        private void Flush()
        {
            if (line.Length == 0)
            {
                return;
            }

            var text = HtmlText.Collapse(line.ToString());
            line.Clear();
            if (text.Length == 0)
            {
                return;
            }

            lineNumber++;
            Text.Append(text).Append('\n');
            Items.Add(SectionHeadings.Instance.Match(text) is { } heading
                ? new HeadingItem(lineNumber, heading.Section, heading.Heading)
                : new NarrativeItem(lineNumber, text));
        }
    }
}
