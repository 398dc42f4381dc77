namespace PublishPipeline.Reading.Docx;

/// <summary>A Word file broke one of <see cref="DocxReadLimits"/>; the message is the user-facing reason (Chinese).</summary>
internal sealed class DocxLimitException(string message) : Exception(message);
