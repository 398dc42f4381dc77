using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

/// <summary>
/// The one info finding a rule gives when an input it needs is missing: "未检查：缺少…". Consumers that only want
/// real problems filter these with <see cref="Is"/>.
/// </summary>
public static class NotChecked
{
    public const string Prefix = "未检查：";

    public static Finding For(string rule, string missing, string? why = null, FindingLocation? location = null) => new()
    {
        Rule = rule,
        Severity = Severity.Info,
        Location = location,
        Message = $"{Prefix}缺少{missing}" + (why is null ? "" : $"，{why}"),
    };

    public static bool Is(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Severity == Severity.Info && finding.Message.StartsWith(Prefix, StringComparison.Ordinal);
    }
}
