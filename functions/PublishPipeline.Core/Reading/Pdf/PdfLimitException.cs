namespace PublishPipeline.Reading.Pdf;

/// <summary>A PDF broke one of <see cref="PdfReadLimits"/>; the message is the user-facing reason (Chinese).</summary>
internal sealed class PdfLimitException(string message) : Exception(message);
