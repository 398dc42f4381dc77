using Microsoft.Azure.WebJobs;

namespace PublishPipeline.Cli.Dev;

/// <summary>Tells the WebJobs host where the functions are: the type generated from the catalogue.</summary>
internal sealed class DevTypeLocator : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => [DevTriggers.Type];
}
