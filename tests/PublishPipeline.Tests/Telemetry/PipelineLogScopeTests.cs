using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;
using PublishPipeline.Telemetry;

namespace PublishPipeline.Tests.Telemetry;

/// <summary>
/// The submission id reaches every log entry written while a trigger's work runs: from a queue message, a draft
/// blob's name, a route, and from ingest once it has assigned the version.
/// </summary>
public sealed class PipelineLogScopeTests : IDisposable
{
    private const string Id = "lanxi-wenlvj-2024-v2";
    private readonly CapturedLogs logs = new();
    private readonly ServiceProvider services;

    public PipelineLogScopeTests()
    {
        services = new ServiceCollection().AddLogging(l => l.AddProvider(logs)).BuildServiceProvider();
    }

    public void Dispose() => services.Dispose();

    private ILogger<T> Logger<T>() => services.GetRequiredService<ILogger<T>>();

    private static string Message(object message) => JsonSerializer.Serialize(message, MessageQueue.JsonOptions);

    private async Task<IReadOnlyDictionary<string, object?>> ScopeOfWorkAsync(Dictionary<string, object?> bindingData)
    {
        // The trigger's logger begins the scope; a handler's own logger (another category) writes inside it.
        await PipelineLogScope.RunAsync(Logger<PipelineLogScopeTests>(), bindingData, () =>
        {
            Logger<PublishHandler>().LogInformation("inside");
            return Task.CompletedTask;
        });
        Logger<PublishHandler>().LogInformation("after");
        Assert.Empty(logs.Single("after").Scope);
        return logs.Single("inside").Scope;
    }

    [Fact]
    public async Task A_publish_message_puts_its_submission_on_the_handlers_logs()
    {
        var scope = await ScopeOfWorkAsync(new() { [PipelineLogScope.QueueTriggerKey] = Message(new PublishMessage(Id)) });

        Assert.Equal(Id, scope[PipelineLogScope.SubmissionId]);
        Assert.Equal("lanxi-wenlvj", scope[PipelineLogScope.AgencyId]);
        Assert.Equal(2024, scope[PipelineLogScope.Year]);
    }

    [Fact]
    public async Task A_notice_message_of_a_version_and_a_reminder_of_an_agency()
    {
        var notice = await ScopeOfWorkAsync(new() { [PipelineLogScope.QueueTriggerKey] = Message(new NoticeMessage(Id, "approved")) });
        Assert.Equal(Id, notice[PipelineLogScope.SubmissionId]);

        logs.Entries.Clear();
        var reminder = await ScopeOfWorkAsync(new() { [PipelineLogScope.QueueTriggerKey] = Message(new NoticeMessage(null, "reminder", AgencyId: "lanxi-wenlvj", Year: 2025)) });
        Assert.False(reminder.ContainsKey(PipelineLogScope.SubmissionId));
        Assert.Equal("lanxi-wenlvj", reminder[PipelineLogScope.AgencyId]);
        Assert.Equal(2025, reminder[PipelineLogScope.Year]);
    }

    [Fact]
    public async Task An_api_upload_blob_names_its_version_and_a_dropped_draft_its_report()
    {
        var upload = DraftBlobName.ForUpload("lanxi-wenlvj", 2024, 3, new string('a', 64), "2024年报.docx");
        var uploaded = await ScopeOfWorkAsync(new() { [PipelineLogScope.BlobTriggerKey] = $"{StorageNames.DraftsContainer}/{upload}" });
        Assert.Equal("lanxi-wenlvj-2024-v3", uploaded[PipelineLogScope.SubmissionId]);
        Assert.Equal($"{StorageNames.DraftsContainer}/{upload}", uploaded[PipelineLogScope.DraftBlob]);

        logs.Entries.Clear();
        var dropped = await ScopeOfWorkAsync(new() { [PipelineLogScope.BlobTriggerKey] = "drafts/lanxi-wenlvj/2024/年报.docx" });
        Assert.False(dropped.ContainsKey(PipelineLogScope.SubmissionId)); // ingest adds it once the version exists
        Assert.Equal("lanxi-wenlvj", dropped[PipelineLogScope.AgencyId]);
        Assert.Equal(2024, dropped[PipelineLogScope.Year]);
    }

    [Fact]
    public async Task A_blob_triggers_poison_message_names_the_draft()
    {
        var poison = """{"Type":"BlobTrigger","FunctionId":"Host.Functions.OnDraftUploaded","BlobType":"BlockBlob","ContainerName":"drafts","BlobName":"lanxi-wenlvj/2024/年报.docx","ETag":"\"0x1\""}""";
        var scope = await ScopeOfWorkAsync(new() { [PipelineLogScope.QueueTriggerKey] = poison });
        Assert.Equal("lanxi-wenlvj", scope[PipelineLogScope.AgencyId]);
    }

    [Fact]
    public async Task A_submission_route_gives_its_id_and_an_agency_route_none()
    {
        var review = await ScopeOfWorkAsync(new() { [PipelineLogScope.RouteIdKey] = Id });
        Assert.Equal(Id, review[PipelineLogScope.SubmissionId]);

        logs.Entries.Clear();
        Assert.Empty(await ScopeOfWorkAsync(new() { [PipelineLogScope.RouteIdKey] = "lanxi-wenlvj" }));
    }

    [Fact]
    public async Task A_message_that_is_not_json_still_runs_without_a_scope()
    {
        Assert.Empty(await ScopeOfWorkAsync(new() { [PipelineLogScope.QueueTriggerKey] = "not json {" }));
    }

    [Fact]
    public void Ingest_begins_the_scope_once_it_knows_the_version()
    {
        var logger = Logger<IngestHandler>();
        using (SubmissionLogScope.Begin(logger, Id))
        {
            logger.LogInformation("ingesting");
        }

        Assert.Equal(Id, logs.Single("ingesting").Scope[PipelineLogScope.SubmissionId]);
        Assert.Null(SubmissionLogScope.Begin(logger, "not-an-id"));
    }
}
