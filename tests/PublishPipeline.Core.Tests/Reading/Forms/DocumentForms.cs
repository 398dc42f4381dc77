using PublishPipeline.Documents;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Tests.Reading.Pdf;

namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>
/// (c) The report written into our own Word template (ReportTemplateDocument) and read back as a .docx: the title, the
/// part texts and the cells the original reads to, in the official table layout. Only for a report whose template is
/// known: the Word template has no form without one.
/// </summary>
internal sealed class WordTemplateForm : RepublishedForm
{
    private static readonly DraftReader Reader = new();

    public override string Name => "word-template";

    // The template prints all six part headings (B1), the tables of parts 二–四 (B2), every template row of tables 二–四
    // and no other (B4), each under the template's own label (B5: a report's misprinted or drifted label is rewritten):
    // these rules judge the report's structure, which the template replaces by its own.
    public override IReadOnlyCollection<string> NamedRules => ["B1", "B2", "B4", "B5"];

    public override RenderedForm? Render(SourceReport source)
    {
        var report = Reader.Read(source.Name, System.Text.Encoding.UTF8.GetBytes(source.Text)).Report;
        if (report?.Template is not { } id || TemplateCatalog.Find(id) is not { } template)
        {
            return null;
        }

        return new("report.docx", "", ReportTemplateDocument.Create(template, report));
    }
}

/// <summary>
/// (c) The corpus text exported as a PDF the way Word and WPS print it (PdfFixtures.FromText: A4 pages with a page
/// number, a centred title, wrapped paragraphs, table rows with wrapped labels) and read back by the PDF reader.
/// </summary>
internal sealed class PdfExportForm : RepublishedForm
{
    public override string Name => "pdf-export";

    // The fixture's font is a GB2312 one: a mirror in traditional characters (縣, 區 …) or with a rare character cannot be
    // drawn, so it has no PDF in this form (a real export embeds the font that has them).
    public override RenderedForm? Render(SourceReport source) =>
        PdfFixtures.CanDraw(source.Text) ? new("report.pdf", "", PdfFixtures.FromText(source.Text)) : null;
}
