namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>(a) PDF→markdown: "#" headings for the title, the parts and the （一） subheadings; "|" tables with a rule; table 四 with two header rows.</summary>
internal sealed class MarkdownForm : RepublishedForm
{
    public override string Name => "markdown";

    public override RenderedForm Render(SourceReport source) => new("report.md", MarkdownWriter.Write(source, new MarkdownStyle()));
}

/// <summary>(a) The same with the headings in bold ("**一、总体情况**"), as other converters print them.</summary>
internal sealed class MarkdownBoldForm : RepublishedForm
{
    public override string Name => "markdown-bold";

    public override RenderedForm Render(SourceReport source) =>
        new("report.md", MarkdownWriter.Write(source, new MarkdownStyle { HashHeadings = false }));
}

/// <summary>(a) PDF→markdown with each merged group cell ("（六）其他处理") printed on the middle row of its sub-rows.</summary>
internal sealed class CentredGroupCellForm : RepublishedForm
{
    public override string Name => "markdown-centred-groups";

    public override RenderedForm Render(SourceReport source) =>
        new("report.md", MarkdownWriter.Write(source, new MarkdownStyle { CentredGroupCells = true }));
}

/// <summary>(b) OCR→markdown: a made-up "| 数据1 | … | 数据N |" header over every table.</summary>
internal sealed class DataJunkForm : RepublishedForm
{
    public override string Name => "ocr-data-headers";

    public override RenderedForm Render(SourceReport source) =>
        new("report.md", MarkdownWriter.Write(source, new MarkdownStyle { DataJunkHeader = true }));
}

/// <summary>(b) Narrow header cells printed one character a line ("结 结 其" ⏎ "果 果 他" …), as a PDF text layer gives them.</summary>
internal sealed class StackedHeaderForm : RepublishedForm
{
    public override string Name => "ocr-stacked-headers";

    public override RenderedForm Render(SourceReport source) =>
        new("report.md", MarkdownWriter.Write(source, new MarkdownStyle { StackedHeaders = true }));
}

/// <summary>(b) The longest cell of each row broken over two lines.</summary>
internal sealed class BrokenCellForm : RepublishedForm
{
    public override string Name => "ocr-broken-cells";

    public override RenderedForm Render(SourceReport source) =>
        new("report.md", MarkdownWriter.Write(source, new MarkdownStyle { BrokenCells = true }));
}

/// <summary>
/// (e) A row whose cells are all blank, kept in the text form ("| （一）予以公开 |  |  | … |"): compared with the same
/// blank row in an HTML export, where every cell is an explicit &lt;td&gt;.
/// </summary>
internal sealed class BlankRowForm : RepublishedForm
{
    public override string Name => "blank-rows";

    public override RenderedForm? Render(SourceReport source) =>
        source.Blocks.OfType<SourceTable>().Any(Changed)
            ? new("report.md", MarkdownWriter.Write(source, new MarkdownStyle { BlankRows = true }))
            : null;

    public override RenderedForm Reference(SourceReport source) => new("report.html", HtmlWriter.Write(source, blankRows: true));

    private static bool Changed(SourceTable table) =>
        !MarkdownWriter.WithBlankRow(table).Rows.SelectMany(r => r).SequenceEqual(table.Rows.SelectMany(r => r));
}
