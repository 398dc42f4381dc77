namespace PublishPipeline.Reading.Pdf;

/// <summary>
/// One line of a page's text layer: its cells (runs of text separated by a gap wider than a space, which is how a
/// table's columns show in a text layer) and where it sits on the page, in PDF points. <see cref="Left"/> and
/// <see cref="Right"/> are the horizontal extent, <see cref="Baseline"/> grows upwards, <see cref="Size"/> is the
/// font size the line's text is drawn at.
/// </summary>
internal sealed record PdfLine(int Page, IReadOnlyList<string> Segments, double Left, double Right, double Baseline, double Size)
{
    public string Text { get; } = string.Join(' ', Segments);
}
