using Microsoft.ApplicationInsights;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublishPipeline.Functions.Telemetry;
using PublishPipeline.Pipeline;
using PublishPipeline.Telemetry;

namespace PublishPipeline.Tests.Telemetry;

/// <summary>The Functions app's telemetry as Program.cs registers it, and its middleware run for a queue message.</summary>
public class FunctionsTelemetryTests
{
    private const string Id = "lanxi-wenlvj-2024-v2";

    // A connection string of the documented form; its endpoint is this machine's discard port, and nothing is logged.
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:9/";

    private static ServiceProvider Services(Func<IServiceCollection, IServiceCollection> telemetry)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ConnectionString })
            .Build();
        return telemetry(new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()).BuildServiceProvider();
    }

    [Fact]
    public async Task The_app_sends_information_logs_to_application_insights()
    {
        await using var services = Services(s => s.AddPipelineTelemetry());

        // The client is configured from the app setting the Bicep writes.
        Assert.Equal(ConnectionString, services.GetRequiredService<TelemetryClient>().TelemetryConfiguration.ConnectionString);
        var providers = services.GetServices<ILoggerProvider>().Select(p => p.GetType().Name).ToList();
        Assert.Equal(["ApplicationInsightsLoggerProvider"], providers);

        // Application Insights is the only provider: the pipeline's Information entries pass its filter.
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PublishHandler).FullName!);
        Assert.True(logger.IsEnabled(LogLevel.Information));
        Assert.False(services.GetRequiredService<ILoggerFactory>().CreateLogger("Azure.Core").IsEnabled(LogLevel.Information));

        // Every step of a report is kept: no adaptive sampling processor in the worker's telemetry pipeline.
        var processors = services.GetRequiredService<TelemetryClient>().TelemetryConfiguration.DefaultTelemetrySink.TelemetryProcessors;
        Assert.DoesNotContain(processors, p => p.GetType().Name.Contains("Sampling", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sdk_alone_would_keep_only_warnings_and_sample()
    {
        // The rule AddPipelineTelemetry removes is real: the SDK alone keeps Information logs out of Application Insights.
        await using var services = Services(s => s.AddApplicationInsightsTelemetryWorkerService());
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PublishHandler).FullName!);
        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));

        // ...and samples adaptively, which the check above would see.
        var processors = services.GetRequiredService<TelemetryClient>().TelemetryConfiguration.DefaultTelemetrySink.TelemetryProcessors;
        Assert.Contains(processors, p => p.GetType().Name.Contains("Sampling", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_middleware_puts_a_queue_messages_submission_on_the_functions_logs()
    {
        var logs = new CapturedLogs();
        using var services = new ServiceCollection().AddLogging(l => l.AddProvider(logs)).BuildServiceProvider();
        var context = new InvocationContext(services, new Dictionary<string, object?>
        {
            [PipelineLogScope.QueueTriggerKey] = System.Text.Json.JsonSerializer.Serialize(new PublishMessage(Id), MessageQueue.JsonOptions),
            ["DequeueCount"] = 1,
        });

        await new SubmissionScopeMiddleware().Invoke(context, invoked =>
        {
            invoked.InstanceServices.GetRequiredService<ILogger<PublishHandler>>().LogInformation("publishing");
            return Task.CompletedTask;
        });

        var entry = logs.Single("publishing");
        Assert.Equal(typeof(PublishHandler).FullName, entry.Category);
        Assert.Equal(Id, entry.Scope[PipelineLogScope.SubmissionId]);
        Assert.Equal(2024, entry.Scope[PipelineLogScope.Year]);
    }

    /// <summary>A function invocation as the worker hands it to middleware: its services and its trigger's binding data.</summary>
    private sealed class InvocationContext(IServiceProvider services, IReadOnlyDictionary<string, object?> bindingData) : FunctionContext
    {
        public override string InvocationId => "invocation-1";

        public override string FunctionId => "function-1";

        public override TraceContext TraceContext => throw new NotSupportedException();

        public override BindingContext BindingContext { get; } = new Bindings(bindingData);

        public override RetryContext RetryContext => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; } = services;

        public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override IInvocationFeatures Features => throw new NotSupportedException();

        private sealed class Bindings(IReadOnlyDictionary<string, object?> data) : BindingContext
        {
            public override IReadOnlyDictionary<string, object?> BindingData => data;
        }
    }
}
