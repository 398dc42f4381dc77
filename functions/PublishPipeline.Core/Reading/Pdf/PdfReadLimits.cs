namespace PublishPipeline.Reading.Pdf;

/// <summary>
/// Bounds on what reading one PDF may cost, like <see cref="Docx.DocxReadLimits"/> for Word: a published annual report
/// is 3–30 pages and 5,000–40,000 characters, so these leave real reports a wide margin and stop a hostile file early.
/// </summary>
public sealed record PdfReadLimits
{
    public static PdfReadLimits Default { get; } = new();

    /// <summary>The .pdf file itself; the pipeline's own cap (PipelineOptions.MaxDraftBytes) is the same by default.</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    public int MaxPages { get; init; } = 200;

    /// <summary>Characters of the text layer over all pages; a page is refused once the running total passes this.</summary>
    public long MaxCharacters { get; init; } = 1_000_000;

    /// <summary>
    /// Wall-clock budget for the whole read, checked before each page: a page's content stream is parsed in one call
    /// that cannot be interrupted, so one pathological page may overrun it by its own cost.
    /// </summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Fewer text characters than this per page, on average, is no text layer (a scan or an image export).</summary>
    public int MinCharactersPerPage { get; init; } = 20;
}
