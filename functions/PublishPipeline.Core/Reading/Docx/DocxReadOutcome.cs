using PublishPipeline.Reports;

namespace PublishPipeline.Reading.Docx;

/// <summary>
/// What reading a Word file gave: the report and the document's flattened text when it could be read, otherwise the
/// reason (Chinese, for an A0 finding). <see cref="IsWordDocument"/> is false for a zip that is not a Word package at all.
/// </summary>
public sealed record DocxReadOutcome(Report? Report, string Text, string? Failure, bool IsWordDocument)
{
    internal static DocxReadOutcome Failed(string reason, bool isWordDocument = true) => new(null, "", reason, isWordDocument);
}
