namespace PublishPipeline.Reading.Docx;

/// <summary>
/// What a paragraph's properties (w:pPr) say about its list number: the first w:numPr's w:numId and w:ilvl, and its
/// w:pStyle, whose style chain may carry the number instead.
/// </summary>
internal readonly record struct ParagraphNumbering(int? NumId, int? Level, string? StyleId);
