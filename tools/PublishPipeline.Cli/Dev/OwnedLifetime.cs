using Microsoft.Extensions.Hosting;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// The dev host's two inner hosts (web and WebJobs) must not each grab Ctrl-C: the pubpipe command owns the
/// process's lifetime and stops both, then Azurite, in order.
/// </summary>
internal sealed class OwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
