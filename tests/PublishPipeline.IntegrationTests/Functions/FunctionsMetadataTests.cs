using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.WebJobs;
using PublishPipeline.Cli.Dev;
using PublishPipeline.Storage;

namespace PublishPipeline.IntegrationTests.Functions;

/// <summary>
/// Reads the functions.metadata that the Functions SDK generated when the app was built, and checks every
/// function, its trigger, its path or queue and the Event Grid source, and that the local WebJobs host binds the
/// very same names: the app in Azure and the local host can never drift apart.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<JsonElement[]> Metadata = new(Load);

    [Fact]
    public void TheAppHasExactlyTheExpectedFunctions()
    {
        Assert.Equal(
            [
                "ApproveSubmission", "DispatchOutbox", "GetSubmission", "IndexSiteSearch", "ListAgencySubmissions", "OnDraftUploaded", "OnIngestPoison",
                "OnNoticePoison", "OnPublishPoison", "PreviewSubmission", "PublishReport", "PublishSubmission", "RebuildSite",
                "ReconcileDrafts", "RemindDeadlines", "ReturnSubmission", "SendNotice", "SubmitDraft", "WithdrawSubmission",
            ],
            Metadata.Value.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SubmitDraftIsAnHttpPostOnApiDrafts()
    {
        var trigger = Trigger("SubmitDraft");
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("drafts", trigger.GetProperty("route").GetString());
        Assert.Equal(["post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void GetSubmissionIsAnHttpGetOnSubmissionsById()
    {
        var trigger = Trigger("GetSubmission");
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("submissions/{id}", trigger.GetProperty("route").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void OnDraftUploadedIsAnEventGridBlobTriggerOnDrafts()
    {
        var trigger = Trigger("OnDraftUploaded");
        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("drafts/{agency}/{year}/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal(StorageNames.ConnectionSetting, trigger.GetProperty("connection").GetString());

        // The local host polls the same path.
        Assert.Equal(trigger.GetProperty("path").GetString(), DevTrigger<BlobTriggerAttribute>("OnDraftUploaded").BlobPath);
    }

    [Theory]
    [InlineData("PublishReport", "publish")]
    [InlineData("SendNotice", "notices")]
    [InlineData("RebuildSite", "site")]
    [InlineData("OnPublishPoison", "publish-poison")]
    [InlineData("OnNoticePoison", "notices-poison")]
    [InlineData("OnIngestPoison", "webjobs-blobtrigger-poison")]
    public void QueueFunctionsListenOnTheirQueuesInBothHosts(string function, string queue)
    {
        var trigger = Trigger(function);
        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(queue, trigger.GetProperty("queueName").GetString());
        Assert.Equal(StorageNames.ConnectionSetting, trigger.GetProperty("connection").GetString());
        Assert.Equal(queue, DevTrigger<QueueTriggerAttribute>(function).QueueName);
    }

    [Theory]
    [InlineData("ReconcileDrafts", "%ReconcileSchedule%")]
    [InlineData("DispatchOutbox", "%OutboxSchedule%")]
    [InlineData("RemindDeadlines", "%DeadlineSchedule%")]
    [InlineData("IndexSiteSearch", "%SearchSchedule%")]
    public void TimersRunOnTheirConfiguredSchedules(string function, string schedule)
    {
        var trigger = Trigger(function);
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(schedule, trigger.GetProperty("schedule").GetString());
    }

    [Theory]
    [InlineData("ListAgencySubmissions", "agencies/{id}/submissions", "get")]
    [InlineData("PreviewSubmission", "submissions/{id}/preview", "get")]
    [InlineData("ApproveSubmission", "submissions/{id}/approve", "post")]
    [InlineData("ReturnSubmission", "submissions/{id}/return", "post")]
    [InlineData("WithdrawSubmission", "submissions/{id}/withdraw", "post")]
    [InlineData("PublishSubmission", "submissions/{id}/publish", "post")]
    public void WorkflowRoutesAreServedAsTheIssueNamesThem(string function, string route, string method)
    {
        var trigger = Trigger(function);
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
    }

    [Fact]
    public void TheLocalHostHasATriggerForEveryNonHttpFunction()
    {
        // Timers run locally as a hosted service (DraftSweepService), not as WebJobs functions.
        var nonHttp = Metadata.Value
            .Where(f => f.GetProperty("bindings").EnumerateArray().All(b => b.GetProperty("type").GetString() is not ("httpTrigger" or "timerTrigger")))
            .Select(f => f.GetProperty("name").GetString())
            .Order(StringComparer.Ordinal);
        var local = typeof(DevFunctions).GetMethods()
            .Select(m => m.GetCustomAttribute<FunctionNameAttribute>()?.Name)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
        Assert.Equal(nonHttp, local);
    }

    private static JsonElement Trigger(string function) =>
        Metadata.Value.Single(f => f.GetProperty("name").GetString() == function)
            .GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("direction").GetString() == "In" && b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static T DevTrigger<T>(string function)
        where T : Attribute =>
        typeof(DevFunctions).GetMethods()
            .Single(m => m.GetCustomAttribute<FunctionNameAttribute>()?.Name == function)
            .GetParameters()
            .Select(p => p.GetCustomAttribute<T>())
            .OfType<T>()
            .Single();

    private static JsonElement[] Load()
    {
        // The test assembly lives in tests/…/bin/{Configuration}/net10.0; the app was built in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(DevHostFixture.RepoRoot, "functions", "PublishPipeline.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build the solution (the Functions SDK writes it at build time)");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
