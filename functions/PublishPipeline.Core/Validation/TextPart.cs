namespace PublishPipeline.Validation;

/// <summary>
/// One piece of the report's prose: its location key (title, preamble, overview …), the text as written, and the
/// folded form rules match on. Folding keeps every character in place, so an index into <see cref="Folded"/> is an
/// index into <see cref="Original"/>.
/// </summary>
public sealed record TextPart(string Section, string Original, string Folded);
