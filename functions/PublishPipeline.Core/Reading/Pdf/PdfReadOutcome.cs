using PublishPipeline.Reports;

namespace PublishPipeline.Reading.Pdf;

/// <summary>
/// What reading a PDF gave: the report and the text layer's flattened text when it could be read, otherwise the reason
/// (Chinese, for an A0 finding).
/// </summary>
public sealed record PdfReadOutcome(Report? Report, string Text, string? Failure)
{
    internal static PdfReadOutcome Failed(string reason) => new(null, "", reason);
}
