using System.Text.Json;
using Microsoft.Extensions.Logging;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Telemetry;

/// <summary>
/// The log scope that names the report a piece of work is about, so an operator follows one version from upload to
/// email in one query (README, "Telemetry"): every log entry written inside it carries <see cref="SubmissionId"/> and,
/// where known, <see cref="AgencyId"/> and <see cref="Year"/> (Application Insights puts scope values in
/// <c>customDimensions</c>). The Functions app begins it for every invocation from the trigger's binding data;
/// ingest, which assigns the version, begins it again once the id exists.
/// </summary>
public static class PipelineLogScope
{
    public const string SubmissionId = SubmissionLogScope.SubmissionId;
    public const string AgencyId = SubmissionLogScope.AgencyId;
    public const string Year = SubmissionLogScope.Year;
    public const string DraftBlob = nameof(DraftBlob);

    /// <summary>The binding data key of a queue trigger's message text (Functions and WebJobs alike).</summary>
    public const string QueueTriggerKey = "QueueTrigger";

    /// <summary>The binding data key of a blob trigger's path, <c>container/name</c>.</summary>
    public const string BlobTriggerKey = "BlobTrigger";

    /// <summary>The route value that holds a submission id (<c>submissions/{id}…</c>).</summary>
    public const string RouteIdKey = "id";

    /// <summary>Runs <paramref name="work"/> inside the scope that <paramref name="bindingData"/> gives, if any.</summary>
    public static async Task RunAsync(ILogger logger, IReadOnlyDictionary<string, object?> bindingData, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(work);
        using var scope = FromTrigger(bindingData) is { } properties ? logger.BeginScope(properties) : null;
        await work();
    }

    /// <summary>
    /// What a trigger's binding data says about the report: a queue message's <c>submissionId</c> (or, for a reminder,
    /// its <c>agencyId</c> and <c>year</c>), a draft blob's agency and year (and its version, for an API upload, whose
    /// name carries it), or a <c>submissions/{id}</c> route's id. Null when it names none.
    /// </summary>
    public static IReadOnlyDictionary<string, object>? FromTrigger(IReadOnlyDictionary<string, object?> bindingData)
    {
        ArgumentNullException.ThrowIfNull(bindingData);
        if (bindingData.TryGetValue(QueueTriggerKey, out var message) && message is string text)
        {
            return FromMessage(text);
        }

        if (bindingData.TryGetValue(BlobTriggerKey, out var path) && path is string blobPath)
        {
            return FromDraftPath(blobPath);
        }

        return bindingData.TryGetValue(RouteIdKey, out var id) ? SubmissionLogScope.For(id as string) : null;
    }

    /// <summary>A queue message's report, read leniently: a message that is not JSON simply gets no scope.</summary>
    public static IReadOnlyDictionary<string, object>? FromMessage(string message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var root = document.RootElement;
            if (SubmissionLogScope.For(String(root, "submissionId")) is { } submission)
            {
                return submission;
            }

            // A blob trigger's poison message names the draft it gave up on.
            if (String(root, "ContainerName") == StorageNames.DraftsContainer && String(root, "BlobName") is { } blobName)
            {
                return FromDraftPath(blobName);
            }

            var properties = new Dictionary<string, object>();
            if (String(root, "agencyId") is { Length: > 0 } agency)
            {
                properties[AgencyId] = agency;
            }

            if (root.TryGetProperty("year", out var year) && year.ValueKind == JsonValueKind.Number && year.TryGetInt32(out var number))
            {
                properties[Year] = number;
            }

            return properties.Count > 0 ? properties : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>drafts/{agency}/{year}/{file}</c> (or the name without the container): its report and, for an API upload, its version.</summary>
    public static IReadOnlyDictionary<string, object>? FromDraftPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var prefix = StorageNames.DraftsContainer + "/";
        var name = DraftBlobName.Parse(path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path);
        if (name.Agency.Length == 0 || name.Year is not { } year)
        {
            return null;
        }

        if (name.UploadVersion is { } version && SubmissionLogScope.For(SubmissionIds.For(name.Agency, year, version)) is { } submission)
        {
            return new Dictionary<string, object>(submission) { [DraftBlob] = path };
        }

        return new Dictionary<string, object>
        {
            [AgencyId] = name.Agency,
            [Year] = year,
            [DraftBlob] = path,
        };
    }

    private static string? String(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
