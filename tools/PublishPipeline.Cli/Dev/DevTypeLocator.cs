using Microsoft.Azure.WebJobs;

namespace PublishPipeline.Cli.Dev;

/// <summary>Tells the WebJobs host where the functions are, whichever assembly started the process (pubpipe or a test runner).</summary>
internal sealed class DevTypeLocator : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => [typeof(DevFunctions)];
}
