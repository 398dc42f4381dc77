namespace PublishPipeline.Submissions;

/// <summary>An agency directory CSV that cannot be imported; the message lists every error, one per line.</summary>
public sealed class AgencyCsvException : FormatException
{
    public AgencyCsvException(IReadOnlyList<AgencyCsvError> errors)
        : base(Describe(errors)) => Errors = errors;

    public IReadOnlyList<AgencyCsvError> Errors { get; }

    private static string Describe(IReadOnlyList<AgencyCsvError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return $"机构名录有 {errors.Count} 处错误，未导入任何机构：" + Environment.NewLine + string.Join(Environment.NewLine, errors);
    }
}
