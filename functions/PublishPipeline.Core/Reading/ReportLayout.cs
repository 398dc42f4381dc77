using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

// The report layout: the model every reader produces (plain text: PlainTextLayout, Word: DocxLayout, PDF: PdfLayout,
// HTML: HtmlReportReader, collapsed crawler text: FlattenedLayout) and TextReportReader.FromLayout turns into a Report.
// The report as a sequence of line-level items, each numbered by its line in the document's flattened text.

/// <summary>One line-level element of a report, whatever its format: a part heading, a narrative line, or a table row.</summary>
internal abstract record LayoutItem(int Line);

internal sealed record HeadingItem(int Line, SectionDefinition Section, string Heading) : LayoutItem(Line);

internal sealed record NarrativeItem(int Line, string Text) : LayoutItem(Line);

/// <summary>
/// A table row: its cells' text in order. A <paramref name="Stream"/> row (one cell per line, with or without "|") has no
/// fixed row ends: a row label followed straight by the next label is a row its author left blank.
/// </summary>
internal sealed record TableRowItem(int Line, List<string> Cells, bool Stream = false) : LayoutItem(Line);
