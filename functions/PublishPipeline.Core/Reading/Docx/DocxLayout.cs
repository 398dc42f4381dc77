using System.Text;
using System.Xml;

namespace PublishPipeline.Reading.Docx;

/// <summary>
/// Streams a Word body (document.xml) in document order into the same layout the plain-text reader builds:
/// paragraphs become headings or narrative lines (with their automatic list numbers rendered), tables become rows of
/// cells. A horizontally merged cell (gridSpan) is one cell, a vertically merged continuation cell is an empty cell, and
/// a cell's paragraphs and line breaks are joined without separator, exactly as the seed's flattened text shows them.
/// One pass of an XmlReader, no DOM: the element walk mirrors the WordprocessingML content model (block → paragraph /
/// table / content control / custom XML; table → row → cell), and every element is depth-checked as it is met.
/// </summary>
internal sealed class DocxLayout
{
    private readonly WordNumbering numbering;
    private readonly DocxReadLimits limits;
    private readonly List<LayoutItem> items = [];
    private readonly StringBuilder text = new();
    private int block;

    private DocxLayout(WordNumbering numbering, DocxReadLimits limits)
    {
        this.numbering = numbering;
        this.limits = limits;
    }

    /// <summary>
    /// The layout items and the document's flattened text (one line per paragraph, TAB before each cell). Throws
    /// XmlException when the part is not a w:document, <see cref="DocxLimitException"/> past a limit.
    /// </summary>
    public static (List<LayoutItem> Items, string Text) Split(XmlReader document, WordNumbering numbering, DocxReadLimits limits)
    {
        var layout = new DocxLayout(numbering, limits);
        document.MoveToContent();
        WordXml.CheckDepth(document, limits);
        if (!WordXml.Is(document, "document"))
        {
            throw new XmlException("the main document part is not a w:document");
        }

        var bodySeen = false;
        WordXml.Children(document, limits, child =>
        {
            if (!bodySeen && WordXml.Is(child, "body"))
            {
                bodySeen = true;
                layout.Blocks(child);
            }
            else
            {
                WordXml.Skip(child, limits);
            }
        });

        return (layout.items, layout.text.ToString());
    }

    /// <summary>Block-level content: the body, a block content control's content, block-level custom XML.</summary>
    private void Blocks(XmlReader reader) => WordXml.Children(reader, limits, child =>
    {
        if (WordXml.Is(child, "p"))
        {
            AddParagraph(ReadParagraph(child));
        }
        else if (WordXml.Is(child, "tbl"))
        {
            AddTable(child);
        }
        else if (WordXml.Is(child, "sdt"))
        {
            SdtContent(child, Blocks);
        }
        else if (WordXml.Is(child, "customXml"))
        {
            Blocks(child);
        }
        else
        {
            WordXml.Skip(child, limits);
        }
    });

    /// <summary>A content control's first w:sdtContent (its properties and any later content are not text).</summary>
    private void SdtContent(XmlReader sdt, Action<XmlReader> content)
    {
        var seen = false;
        WordXml.Children(sdt, limits, child =>
        {
            if (!seen && WordXml.Is(child, "sdtContent"))
            {
                seen = true;
                content(child);
            }
            else
            {
                WordXml.Skip(child, limits);
            }
        });
    }

    private void AddParagraph(ParagraphContent paragraph)
    {
        block++;
        var content = numbering.Next(paragraph.Numbering) + paragraph.Text;
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine.Replace('\t', ' ');
            text.Append(line).Append('\n');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (SectionHeadings.Instance.Match(line) is { } heading)
            {
                items.Add(new HeadingItem(block, heading.Section, heading.Heading));
            }
            else
            {
                items.Add(new NarrativeItem(block, CellParser.Trim(line)));
            }
        }
    }

    private void AddTable(XmlReader table) => Rows(table, row =>
    {
        block++;
        var cells = new List<string>();
        Cells(row, cell =>
        {
            var cellText = CellText(cell);
            cells.Add(cellText);
            text.Append('\t').Append(cellText).Append('\n');
        });

        text.Append('\n');
        if (cells.Count > 0)
        {
            items.Add(new TableRowItem(block, cells));
        }
    });

    /// <summary>A table's rows, including those inside row-level content controls and custom XML.</summary>
    private void Rows(XmlReader parent, Action<XmlReader> row) => WordXml.Children(parent, limits, child =>
    {
        if (WordXml.Is(child, "tr"))
        {
            row(child);
        }
        else if (WordXml.Is(child, "sdt"))
        {
            SdtContent(child, content => Rows(content, row));
        }
        else if (WordXml.Is(child, "customXml"))
        {
            Rows(child, row);
        }
        else
        {
            WordXml.Skip(child, limits);
        }
    });

    /// <summary>A row's cells, including those inside cell-level content controls and custom XML.</summary>
    private void Cells(XmlReader parent, Action<XmlReader> cell) => WordXml.Children(parent, limits, child =>
    {
        if (WordXml.Is(child, "tc"))
        {
            cell(child);
        }
        else if (WordXml.Is(child, "sdt"))
        {
            SdtContent(child, content => Cells(content, cell));
        }
        else if (WordXml.Is(child, "customXml"))
        {
            Cells(child, cell);
        }
        else
        {
            WordXml.Skip(child, limits);
        }
    });

    /// <summary>
    /// All paragraphs of a cell (nested tables included) with their list numbers, joined without separator; "" for a
    /// vertical-merge continuation, whose paragraphs are read past without advancing any list counter.
    /// </summary>
    private string CellText(XmlReader cell)
    {
        var paragraphs = new List<ParagraphContent>();
        var propertiesSeen = false;
        var continued = false;
        WordXml.Children(cell, limits, child =>
        {
            if (!propertiesSeen && WordXml.Is(child, "tcPr"))
            {
                propertiesSeen = true;
                continued = IsMergeContinuation(child);
            }
            else
            {
                CellParagraph(child, paragraphs);
            }
        });

        if (continued)
        {
            return "";
        }

        var content = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            content.Append(numbering.Next(paragraph.Numbering)).Append(paragraph.Text);
        }

        return content.Replace("\n", "").Replace('\t', ' ').ToString();
    }

    /// <summary>Whether a w:tcPr's first w:vMerge continues the cell above (no w:val, or w:val="continue").</summary>
    private bool IsMergeContinuation(XmlReader properties)
    {
        var seen = false;
        var continued = false;
        WordXml.Children(properties, limits, child =>
        {
            if (!seen && WordXml.Is(child, "vMerge"))
            {
                seen = true;
                continued = WordXml.Attribute(child, "val") is null or "continue";
            }

            WordXml.Skip(child, limits);
        });
        return continued;
    }

    /// <summary>One child of a cell (or of what a cell contains): paragraphs are collected, nested tables' cells entered whole.</summary>
    private void CellParagraph(XmlReader child, List<ParagraphContent> paragraphs)
    {
        if (WordXml.Is(child, "p"))
        {
            paragraphs.Add(ReadParagraph(child));
        }
        else if (WordXml.Is(child, "tbl"))
        {
            Rows(child, row => Cells(row, cell => WordXml.Children(cell, limits, inner => CellParagraph(inner, paragraphs))));
        }
        else if (WordXml.Is(child, "sdt"))
        {
            SdtContent(child, content => WordXml.Children(content, limits, inner => CellParagraph(inner, paragraphs)));
        }
        else if (WordXml.Is(child, "customXml"))
        {
            WordXml.Children(child, limits, inner => CellParagraph(inner, paragraphs));
        }
        else
        {
            WordXml.Skip(child, limits);
        }
    }

    /// <summary>A w:p: its first w:pPr's numbering, and its visible text.</summary>
    private ParagraphContent ReadParagraph(XmlReader paragraph)
    {
        var content = new StringBuilder();
        ParagraphNumbering? properties = null;
        WordXml.Children(paragraph, limits, child =>
        {
            if (properties is null && WordXml.Is(child, "pPr"))
            {
                properties = WordNumbering.ReadProperties(child, limits);
            }
            else
            {
                Inline(child, content);
            }
        });

        return new ParagraphContent(properties ?? default, content.ToString());
    }

    /// <summary>
    /// The visible text of inline content: runs, inside hyperlinks, content controls, fields' results, insertions and
    /// other wrappers; not deletions, moved-away text, field codes (w:instrText is not w:t), maths, drawings or text
    /// boxes. mc:AlternateContent is passed over whole: Word keeps the same drawing or text box twice, in mc:Choice and
    /// mc:Fallback.
    /// </summary>
    private void Inline(XmlReader element, StringBuilder content)
    {
        if (WordXml.Is(element, "r"))
        {
            RunText(element, content);
        }
        else if (WordXml.Is(element, "pPr") || WordXml.Is(element, "del") || WordXml.Is(element, "moveFrom") || WordXml.Is(element, "p") || WordXml.Is(element, "tbl")
            || element.LocalName is "oMath" or "oMathPara" or "AlternateContent")
        {
            WordXml.Skip(element, limits);
        }
        else
        {
            WordXml.Children(element, limits, child => Inline(child, content));
        }
    }

    private void RunText(XmlReader run, StringBuilder content) => WordXml.Children(run, limits, child =>
    {
        if (WordXml.Is(child, "t"))
        {
            content.Append(WordXml.Text(child, limits));
            return;
        }

        if (WordXml.Is(child, "tab") || WordXml.Is(child, "ptab"))
        {
            content.Append('\t');
        }
        else if (WordXml.Is(child, "br") || WordXml.Is(child, "cr"))
        {
            content.Append('\n');
        }
        else if (WordXml.Is(child, "noBreakHyphen"))
        {
            content.Append('-');
        }

        WordXml.Skip(child, limits);
    });

    private readonly record struct ParagraphContent(ParagraphNumbering Numbering, string Text);
}
