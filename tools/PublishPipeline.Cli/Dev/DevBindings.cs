using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// One function as a host binds it, in the words of the Functions app's <c>functions.metadata</c>: the trigger type
/// (<c>httpTrigger</c>, <c>queueTrigger</c>, <c>blobTrigger</c>, <c>timerTrigger</c>) and what it listens on
/// (<c>post drafts</c>, a queue name, a blob path, a <c>%Setting%</c> schedule).
/// </summary>
internal sealed record FunctionBinding(string Name, string Trigger, string Target)
{
    public override string ToString() => $"{Name}: {Trigger} {Target}";
}

/// <summary>What a built dev host actually binds: read from its routes, its WebJobs functions and its timers.</summary>
internal static class DevBindings
{
    public static IReadOnlyList<FunctionBinding> Read(WebApplication app)
    {
        var bindings = new List<FunctionBinding>();
        foreach (var endpoint in ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue;
            }

            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName ?? pattern;
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
            {
                bindings.Add(new FunctionBinding(name, "httpTrigger", HttpTarget(method, pattern["/api/".Length..])));
            }
        }

        foreach (var type in app.Services.GetRequiredService<ITypeLocator>().GetTypes())
        {
            foreach (var method in type.GetMethods())
            {
                if (method.GetCustomAttribute<FunctionNameAttribute>() is not { } function)
                {
                    continue;
                }

                foreach (var parameter in method.GetParameters())
                {
                    if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
                    {
                        bindings.Add(new FunctionBinding(function.Name, "queueTrigger", queue.QueueName));
                    }
                    else if (parameter.GetCustomAttribute<BlobTriggerAttribute>() is { } blob)
                    {
                        bindings.Add(new FunctionBinding(function.Name, "blobTrigger", blob.BlobPath));
                    }
                }
            }
        }

        foreach (var timer in app.Services.GetServices<DevTimer>())
        {
            bindings.Add(new FunctionBinding(timer.Function.Name, "timerTrigger", $"%{timer.Setting}%"));
        }

        return bindings;
    }

    public static string HttpTarget(string method, string route) => method.ToLowerInvariant() + " " + route;
}
