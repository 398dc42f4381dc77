namespace PublishPipeline.Submissions;

/// <summary>
/// One problem in an agency directory CSV, where an operator finds it in a spreadsheet: the line (1 is the header) and,
/// when it is about one cell, the column by position and header name. <see cref="ToString"/> is the Chinese message.
/// </summary>
public sealed record AgencyCsvError(int Line, int? ColumnNumber, string? ColumnName, string Message)
{
    public override string ToString() => ColumnNumber is { } number
        ? $"第 {Line} 行第 {number} 列（{ColumnName}）：{Message}"
        : $"第 {Line} 行：{Message}";
}
