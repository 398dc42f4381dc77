using System.IO.Compression;

namespace PublishPipeline.Reading.Docx;

/// <summary>The zip entries the reader needs: the main document part and, when the document has them, its numbering and styles.</summary>
internal sealed record DocxParts(ZipArchiveEntry MainDocument, ZipArchiveEntry? Numbering, ZipArchiveEntry? Styles);
