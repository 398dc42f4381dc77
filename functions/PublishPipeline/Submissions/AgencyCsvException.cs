namespace PublishPipeline.Submissions;

/// <summary>A directory CSV (agencies, or supervised regions) that cannot be imported; the message lists every error, one per line.</summary>
public sealed class AgencyCsvException : FormatException
{
    public AgencyCsvException(IReadOnlyList<AgencyCsvError> errors)
        : this(errors, "机构名录", "机构")
    {
    }

    /// <param name="file">The file's name for people (地区名录).</param>
    /// <param name="entries">What its rows are (地区).</param>
    public AgencyCsvException(IReadOnlyList<AgencyCsvError> errors, string file, string entries)
        : base(Describe(errors, file, entries)) => Errors = errors;

    public IReadOnlyList<AgencyCsvError> Errors { get; }

    private static string Describe(IReadOnlyList<AgencyCsvError> errors, string file, string entries)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return $"{file}有 {errors.Count} 处错误，未导入任何{entries}：" + Environment.NewLine + string.Join(Environment.NewLine, errors);
    }
}
