using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PublishPipeline.Functions.Telemetry;

/// <summary>
/// Application Insights for the isolated worker, the documented way: the worker's own logs, its invocation traces
/// and its dependencies go straight to Application Insights (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>, with
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> for the managed identity, since the resource refuses local auth);
/// the host's own telemetry (requests, host logs) goes there as it always does.
/// </summary>
public static class FunctionsTelemetry
{
    private const string ApplicationInsightsLoggerProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    public static IServiceCollection AddPipelineTelemetry(this IServiceCollection services)
    {
        // No adaptive sampling: a few thousand reports a year make little telemetry, and a sampled trail would lose
        // steps of the one report an operator is following.
        services.AddApplicationInsightsTelemetryWorkerService(options => options.EnableAdaptiveSampling = false);
        services.ConfigureFunctionsApplicationInsights();

        // As host.json does for the host: the Azure SDK's per-request Information entries are noise, its warnings are not.
        services.AddLogging(logging => logging.AddFilter("Azure.Core", LogLevel.Warning));

        // The Application Insights SDK adds a rule that keeps only Warning and above for its logger provider, which would
        // drop the pipeline's Information logs (each stage's progress, the trail an operator follows); remove it so
        // the levels in configuration (default Information) decide.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var rule = options.Rules.FirstOrDefault(r => r.ProviderName == ApplicationInsightsLoggerProvider);
            if (rule is not null)
            {
                options.Rules.Remove(rule);
            }
        });
        return services;
    }
}
