namespace PublishPipeline.Reading.Docx;

/// <summary>
/// Bounds on what reading one Word file may cost (issue 3 §7): the file itself, what its zip expands to, how absurd a
/// single entry's compression ratio may be (a zip bomb), and how deep its XML may nest.
/// </summary>
public sealed record DocxReadLimits
{
    public static DocxReadLimits Default { get; } = new();

    /// <summary>The .docx file itself; the pipeline's own cap (PipelineOptions.MaxDraftBytes) is the same by default.</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>The sum of every entry's declared uncompressed size, and the most any one XML part may yield when read.</summary>
    public long MaxUncompressedBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Uncompressed ÷ compressed for one entry; real Word parts stay far below this.</summary>
    public double MaxCompressionRatio { get; init; } = 250;

    /// <summary>Entries smaller than this are not ratio-checked: tiny parts compress well and cost nothing.</summary>
    public long RatioCheckMinimumBytes { get; init; } = 1024 * 1024;

    public int MaxEntries { get; init; } = 2000;

    /// <summary>Element nesting depth; Word's own documents, drawings and nested tables included, stay well under 100.</summary>
    public int MaxXmlDepth { get; init; } = 256;
}
