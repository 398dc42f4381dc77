using System.Runtime.InteropServices;

namespace PublishPipeline.Cli;

/// <summary>
/// Ctrl-C or SIGTERM cancel <see cref="Token"/> (linked to the invocation's own token) instead of killing the process,
/// so a long-running command can stop what it started (hosts, Azurite) and still report.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource stop;
    private readonly PosixSignalRegistration sigint;
    private readonly PosixSignalRegistration sigterm;

    public StopSignals(CancellationToken invocationToken)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(invocationToken);
        sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    public CancellationToken Token => stop.Token;

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        stop.Cancel();
    }

    public void Dispose()
    {
        sigterm.Dispose();
        sigint.Dispose();
        stop.Dispose();
    }
}
