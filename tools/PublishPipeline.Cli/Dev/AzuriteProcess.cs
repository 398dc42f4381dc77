using System.Diagnostics;
using System.Net.Sockets;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// Reuses an Azurite already listening on the default ports, or starts the one pinned in the repo's
/// package.json (node_modules/azurite) and stops it again on dispose. Flags as FACTS.md requires:
/// --skipApiVersionCheck (current SDKs speak a newer API version) and --disableTelemetry (else it ignores SIGTERM).
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    public const string ConnectionString = "UseDevelopmentStorage=true";
    private static readonly int[] Ports = [10000, 10001, 10002];
    private readonly Process? process;

    private AzuriteProcess(Process? process) => this.process = process;

    public bool StartedHere => process is not null;

    public static async Task<AzuriteProcess> EnsureRunningAsync(string repoRoot, string dataDirectory, TextWriter log, CancellationToken cancellationToken = default)
    {
        if (await AllListeningAsync(cancellationToken))
        {
            await log.WriteLineAsync("Azurite: reusing the instance already listening on 127.0.0.1:10000-10002");
            return new AzuriteProcess(null);
        }

        var script = Path.Combine(repoRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script} is missing): run `npm ci` in {repoRoot}.");
        }

        Directory.CreateDirectory(dataDirectory);
        // In its own session (setsid), so a terminal's Ctrl-C reaches pubpipe only: Azurite must outlive the hosts
        // that are still flushing to it, and pubpipe stops it last.
        var setsid = File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : null;
        var start = new ProcessStartInfo(setsid ?? "node")
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (setsid is not null)
        {
            start.ArgumentList.Add("node");
        }

        foreach (var argument in new[]
                 {
                     script, "--silent", "--location", dataDirectory,
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--skipApiVersionCheck", "--disableTelemetry", "--loose",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node for Azurite");
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                log.WriteLine("azurite: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await AllListeningAsync(cancellationToken))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening (are the ports taken?)");
            }

            if (DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Azurite did not start listening within 30 s");
            }

            await Task.Delay(100, cancellationToken);
        }

        await log.WriteLineAsync($"Azurite: started (pid {process.Id}), data in {dataDirectory}");
        return new AzuriteProcess(process);
    }

    public async ValueTask DisposeAsync()
    {
        if (process is null || process.HasExited)
        {
            process?.Dispose();
            return;
        }

        using (process)
        {
            // SIGTERM lets Azurite flush its metadata store; SIGKILL only if it does not stop in time.
            _ = SendSignal(process.Id, SigTerm);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static async Task<bool> AllListeningAsync(CancellationToken cancellationToken)
    {
        foreach (var port in Ports)
        {
            using var client = new TcpClient();
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(500);
                await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        return true;
    }
}
