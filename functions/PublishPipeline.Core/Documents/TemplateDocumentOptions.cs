namespace PublishPipeline.Documents;

/// <summary>What <see cref="ReportTemplateDocument"/> writes beyond a report's title, parts and cells.</summary>
public sealed record TemplateDocumentOptions
{
    /// <summary>Whether the report's 导语 (<c>Report.Preamble</c>) is written under the title.</summary>
    public bool IncludePreamble { get; init; }

    /// <summary>Cells to shade, with the fill colour (hex RGB, "DDEBF7").</summary>
    public IReadOnlyDictionary<TemplateCell, string> Shading { get; init; } = new Dictionary<TemplateCell, string>();

    /// <summary>Lines for the page header: notes for whoever fills the document in, outside the report's text.</summary>
    public IReadOnlyList<string> HeaderNotes { get; init; } = [];
}
