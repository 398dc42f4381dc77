using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PublishPipeline.Reading.Docx;

/// <summary>
/// Walks a Word body in document order into the same layout the plain-text reader builds: paragraphs become headings
/// or narrative lines (with their automatic list numbers rendered), tables become rows of cells. A horizontally merged
/// cell (gridSpan) is one cell, a vertically merged continuation cell is an empty cell, and a cell's paragraphs and line
/// breaks are joined without separator, exactly as the seed's flattened text shows them.
/// </summary>
internal sealed class DocxLayout
{
    private readonly WordNumbering numbering;
    private readonly List<LayoutItem> items = [];
    private readonly StringBuilder text = new();
    private int block;

    private DocxLayout(WordNumbering numbering)
    {
        this.numbering = numbering;
    }

    /// <summary>The layout items and the document's flattened text (one line per paragraph, TAB before each cell).</summary>
    public static (List<LayoutItem> Items, string Text) Split(Body? body, WordNumbering numbering)
    {
        var layout = new DocxLayout(numbering);
        if (body is not null)
        {
            layout.Blocks(body);
        }

        return (layout.items, layout.text.ToString());
    }

    private void Blocks(OpenXmlElement parent)
    {
        foreach (var child in parent.ChildElements)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    AddParagraph(paragraph);
                    break;
                case Table table:
                    AddTable(table);
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    Blocks(content);
                    break;
                case CustomXmlBlock custom:
                    Blocks(custom);
                    break;
            }
        }
    }

    private void AddParagraph(Paragraph paragraph)
    {
        block++;
        var content = new StringBuilder();
        content.Append(numbering.Next(paragraph));
        Inline(paragraph, content);
        foreach (var rawLine in content.ToString().Split('\n'))
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

    private void AddTable(Table table)
    {
        foreach (var row in Rows(table))
        {
            block++;
            var cells = new List<string>();
            foreach (var cell in Cells(row))
            {
                var merge = cell.TableCellProperties?.VerticalMerge;
                var continued = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                var cellText = continued ? "" : CellText(cell);
                cells.Add(cellText);
                text.Append('\t').Append(cellText).Append('\n');
            }

            text.Append('\n');
            if (cells.Count > 0)
            {
                items.Add(new TableRowItem(block, cells));
            }
        }
    }

    private static IEnumerable<TableRow> Rows(OpenXmlElement parent)
    {
        foreach (var child in parent.ChildElements)
        {
            switch (child)
            {
                case TableRow row:
                    yield return row;
                    break;
                case SdtRow { SdtContentRow: { } content }:
                    foreach (var row in Rows(content))
                    {
                        yield return row;
                    }

                    break;
                case CustomXmlRow custom:
                    foreach (var row in Rows(custom))
                    {
                        yield return row;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<TableCell> Cells(OpenXmlElement parent)
    {
        foreach (var child in parent.ChildElements)
        {
            switch (child)
            {
                case TableCell cell:
                    yield return cell;
                    break;
                case SdtCell { SdtContentCell: { } content }:
                    foreach (var cell in Cells(content))
                    {
                        yield return cell;
                    }

                    break;
                case CustomXmlCell custom:
                    foreach (var cell in Cells(custom))
                    {
                        yield return cell;
                    }

                    break;
            }
        }
    }

    /// <summary>All paragraphs of a cell (nested tables included) with their list numbers, joined without separator.</summary>
    private string CellText(TableCell cell)
    {
        var content = new StringBuilder();
        foreach (var paragraph in CellParagraphs(cell))
        {
            content.Append(numbering.Next(paragraph));
            Inline(paragraph, content);
        }

        return content.Replace("\n", "").Replace('\t', ' ').ToString();
    }

    private static IEnumerable<Paragraph> CellParagraphs(OpenXmlElement parent)
    {
        foreach (var child in parent.ChildElements)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    yield return paragraph;
                    break;
                case Table nested:
                    foreach (var paragraph in Rows(nested).SelectMany(Cells).SelectMany(CellParagraphs))
                    {
                        yield return paragraph;
                    }

                    break;
                case SdtBlock { SdtContentBlock: { } content }:
                    foreach (var paragraph in CellParagraphs(content))
                    {
                        yield return paragraph;
                    }

                    break;
                case CustomXmlBlock custom:
                    foreach (var paragraph in CellParagraphs(custom))
                    {
                        yield return paragraph;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The visible text of a paragraph: runs, inside hyperlinks, content controls, fields' results and insertions; not
    /// deletions, field codes, drawings or text boxes (which Word keeps twice, in mc:Choice and mc:Fallback).
    /// </summary>
    private static void Inline(OpenXmlElement parent, StringBuilder content)
    {
        foreach (var child in parent.ChildElements)
        {
            switch (child)
            {
                case Run run:
                    RunText(run, content);
                    break;
                case ParagraphProperties or DeletedRun or MoveFromRun or Paragraph or Table:
                    break;
                case OpenXmlCompositeElement composite when composite.LocalName is not ("oMath" or "oMathPara" or "AlternateContent"):
                    Inline(composite, content);
                    break;
            }
        }
    }

    private static void RunText(Run run, StringBuilder content)
    {
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case Text t:
                    content.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    content.Append('\t');
                    break;
                case Break or CarriageReturn:
                    content.Append('\n');
                    break;
                case NoBreakHyphen:
                    content.Append('-');
                    break;
            }
        }
    }
}
