namespace PublishPipeline.Submissions;

/// <summary>One CSV record: the physical line it starts on, its fields, and why it could not be read, if it could not.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error)
{
    /// <summary>A line with nothing in any field (spreadsheets save empty rows as <c>,,,,</c>).</summary>
    public bool IsBlank => Error is null && Fields.All(string.IsNullOrWhiteSpace);
}
