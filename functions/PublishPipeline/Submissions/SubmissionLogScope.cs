using Microsoft.Extensions.Logging;

namespace PublishPipeline.Submissions;

/// <summary>
/// The log scope of one version: every entry written inside it carries <see cref="SubmissionId"/>,
/// <see cref="AgencyId"/> and <see cref="Year"/> (Application Insights puts them in <c>customDimensions</c>). Kept with
/// the submissions so a stage can open it once it knows the version; the Functions app's middleware opens the same
/// scope from each trigger (<c>Telemetry/PipelineLogScope</c>).
/// </summary>
public static class SubmissionLogScope
{
    public const string SubmissionId = nameof(SubmissionId);
    public const string AgencyId = nameof(AgencyId);
    public const string Year = nameof(Year);

    /// <summary>Begins the scope of one version; null (no scope) when <paramref name="submissionId"/> is not one.</summary>
    public static IDisposable? Begin(ILogger logger, string? submissionId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return For(submissionId) is { } properties ? logger.BeginScope(properties) : null;
    }

    /// <summary>SubmissionId, AgencyId and Year of a well-formed submission id; null otherwise.</summary>
    public static IReadOnlyDictionary<string, object>? For(string? submissionId) =>
        SubmissionIds.TryParse(submissionId, out var report, out _)
            ? new Dictionary<string, object>
            {
                [SubmissionId] = submissionId!,
                [AgencyId] = report.AgencyId,
                [Year] = report.Year,
            }
            : null;
}
