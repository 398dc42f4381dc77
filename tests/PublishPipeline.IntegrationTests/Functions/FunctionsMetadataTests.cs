using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using PublishPipeline.Cli.Dev;
using PublishPipeline.Hosting;
using PublishPipeline.Storage;

namespace PublishPipeline.IntegrationTests.Functions;

/// <summary>
/// Reads the functions.metadata the Functions SDK generated when the app was built and compares it, both ways, with
/// what the local host (<c>pubpipe dev</c>) actually binds: its routes, its WebJobs triggers and its timers. A route,
/// queue, blob path or timer added to one host and not the other fails here; nothing is compared with a literal.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<JsonElement[]> Metadata = new(Load);

    private static string FunctionsBin
    {
        get
        {
            // The test assembly lives in tests/…/bin/{Configuration}/net10.0; the app was built in the same configuration.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return Path.Combine(DevHostFixture.RepoRoot, "functions", "PublishPipeline.Functions", "bin", configuration, "net10.0");
        }
    }

    [Fact]
    public void TheLocalHostBindsEveryFunctionOfTheAppAsTheAppDoes_AndNothingElse()
    {
        var app = MetadataBindings().Select(b => b.ToString()).Order(StringComparer.Ordinal).ToList();
        var local = LocalBindings().Select(b => b.ToString()).Order(StringComparer.Ordinal).ToList();

        Assert.True(
            app.SequenceEqual(local),
            "only in the Functions app: " + string.Join(", ", app.Except(local)) + "\nonly in pubpipe dev: " + string.Join(", ", local.Except(app)));
    }

    [Fact]
    public void TheAppsFunctionsAreTheCatalogues()
    {
        Assert.Equal(
            PipelineFunctions.All.Select(f => f.Name).Order(StringComparer.Ordinal),
            Metadata.Value.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void InAzureTheDraftTriggerComesFromEventGrid_AndStorageTriggersUseTheSharedConnection()
    {
        foreach (var function in PipelineFunctions.All.OfType<BlobFunction>())
        {
            Assert.Equal("EventGrid", Trigger(function.Name).GetProperty("source").GetString());
        }

        foreach (var function in PipelineFunctions.All.Where(f => f is BlobFunction or QueueFunction))
        {
            Assert.Equal(StorageNames.ConnectionSetting, Trigger(function.Name).GetProperty("connection").GetString());
        }
    }

    [Fact]
    public void HttpFunctionsAreAnonymousToTheFunctionsHost_AppServiceAuthenticationSignsCallersIn()
    {
        foreach (var function in PipelineFunctions.All.OfType<HttpFunction>())
        {
            Assert.Equal("anonymous", Trigger(function.Name).GetProperty("authLevel").GetString(), ignoreCase: true);
        }
    }

    [Fact]
    public void EveryTimerScheduleIsAnAppSettingOfTheSampleSettings()
    {
        var sample = SampleSettings();
        foreach (var timer in Metadata.Value.Where(f => TriggerOf(f).GetProperty("type").GetString() == "timerTrigger"))
        {
            var schedule = TriggerOf(timer).GetProperty("schedule").GetString()!;
            Assert.Matches("^%[A-Za-z]+%$", schedule);
            Assert.True(sample.ContainsKey(schedule.Trim('%')), $"{schedule} is not in local.settings.sample.json");
        }
    }

    [Fact]
    public void BothHostsUseTheSharedHttpWiring()
    {
        // pubpipe dev: the shared ProblemDetails service and middleware are in its one container and pipeline.
        var options = new DevHostOptions { ApiPort = 1, SitePort = 2 };
        using var devHost = (IDisposable)DevHost.Build(options, DevHost.Settings(options, "UseDevelopmentStorage=true"), new MailSink(null));
        Assert.NotNull(((Microsoft.AspNetCore.Builder.WebApplication)devHost).Services.GetService(typeof(Microsoft.AspNetCore.Http.IProblemDetailsService)));

        // The Functions app: its compiled code calls the same wiring (it cannot be started here: no Functions host).
        var called = MembersCalledBy(Path.Combine(FunctionsBin, "PublishPipeline.Functions.dll"));
        Assert.Contains($"{typeof(PipelineHttp).FullName}.{nameof(PipelineHttp.AddPipelineHttp)}", called);
        Assert.Contains($"{typeof(PipelineHttp).FullName}.{nameof(PipelineHttp.InvokeAsync)}", called);
        var devCalled = MembersCalledBy(typeof(DevHost).Assembly.Location);
        Assert.Contains($"{typeof(PipelineHttp).FullName}.{nameof(PipelineHttp.AddPipelineHttp)}", devCalled);
        Assert.Contains($"{typeof(PipelineHttp).FullName}.{nameof(PipelineHttp.InvokeAsync)}", devCalled);
    }

    private static IEnumerable<FunctionBinding> MetadataBindings()
    {
        foreach (var function in Metadata.Value)
        {
            var name = function.GetProperty("name").GetString()!;
            var trigger = TriggerOf(function);
            var type = trigger.GetProperty("type").GetString()!;
            if (type == "httpTrigger")
            {
                foreach (var method in trigger.GetProperty("methods").EnumerateArray())
                {
                    yield return new FunctionBinding(name, type, DevBindings.HttpTarget(method.GetString()!, trigger.GetProperty("route").GetString()!));
                }

                continue;
            }

            var target = type switch
            {
                "queueTrigger" => trigger.GetProperty("queueName").GetString(),
                "blobTrigger" => trigger.GetProperty("path").GetString(),
                "timerTrigger" => trigger.GetProperty("schedule").GetString(),
                _ => $"(a {type} pubpipe dev cannot host)",
            };
            yield return new FunctionBinding(name, type, target!);
        }
    }

    /// <summary>What pubpipe dev binds, built (not started) with the sample app settings, as the app would have them in Azure.</summary>
    private static IReadOnlyList<FunctionBinding> LocalBindings()
    {
        var options = new DevHostOptions { ApiPort = 1, SitePort = 2 };
        foreach (var (key, value) in SampleSettings())
        {
            options.Settings[key] = value;
        }

        using var app = (IDisposable)DevHost.Build(options, DevHost.Settings(options, "UseDevelopmentStorage=true"), new MailSink(null));
        return DevBindings.Read((Microsoft.AspNetCore.Builder.WebApplication)app);
    }

    private static Dictionary<string, string?> SampleSettings()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(DevHostFixture.RepoRoot, "local.settings.sample.json")));
        return document.RootElement.GetProperty("Values").EnumerateObject()
            .Where(p => p.Name is not (StorageNames.ConnectionSetting or "FUNCTIONS_WORKER_RUNTIME"))
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => p.Value.GetString());
    }

    /// <summary>"Namespace.Type.Method" for every method an assembly references from other assemblies.</summary>
    private static HashSet<string> MembersCalledBy(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference)
            {
                var type = reader.GetTypeReference((TypeReferenceHandle)member.Parent);
                called.Add($"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}.{reader.GetString(member.Name)}");
            }
        }

        return called;
    }

    private static JsonElement Trigger(string function) =>
        TriggerOf(Metadata.Value.Single(f => f.GetProperty("name").GetString() == function));

    private static JsonElement TriggerOf(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("direction").GetString() == "In" && b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static JsonElement[] Load()
    {
        var path = Path.Combine(FunctionsBin, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build the solution (the Functions SDK writes it at build time)");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
