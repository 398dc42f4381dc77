using Microsoft.Extensions.Hosting;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// The dev host must not grab Ctrl-C itself: the pubpipe command owns the process's lifetime and stops the host, then
/// Azurite, in order (Azurite must outlive the triggers that are still writing to it).
/// </summary>
internal sealed class OwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
