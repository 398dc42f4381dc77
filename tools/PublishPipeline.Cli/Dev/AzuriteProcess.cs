using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// This run's own Azurite: the one pinned in the repo's package.json (node_modules/azurite), with its own data folder
/// and its own ports, stopped again on dispose. It never joins an Azurite it did not start: two runs sharing one took
/// each other's queue messages. Flags as FACTS.md requires: --skipApiVersionCheck (current SDKs speak a newer API
/// version) and --disableTelemetry (else it ignores SIGTERM).
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's default blob port; queue and table follow it (10001, 10002).</summary>
    public const int DefaultBlobPort = 10000;

    /// <summary>
    /// Azurite's published development account key: the same in every Azurite (what UseDevelopmentStorage=true means),
    /// not a secret. Needed here because that shorthand cannot name other ports.
    /// </summary>
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;

    private AzuriteProcess(Process process, AzuritePorts ports, string dataDirectory)
    {
        this.process = process;
        Ports = ports;
        DataDirectory = dataDirectory;
    }

    public AzuritePorts Ports { get; }

    public string DataDirectory { get; }

    public int ProcessId => process.Id;

    /// <summary>Whether the process has stopped (after <see cref="DisposeAsync"/>, or by itself).</summary>
    public bool HasExited
    {
        get
        {
            try
            {
                return process.HasExited;
            }
            catch (InvalidOperationException)
            {
                // Disposed: it was stopped.
                return true;
            }
        }
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{Ports.Blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{Ports.Queue}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{Ports.Table}/devstoreaccount1;";

    /// <summary>
    /// Chooses the ports: <paramref name="blobPort"/> and the two after it when given (an error if any is taken), three
    /// free ports for 0; else
    /// Azurite's defaults when all three are free, else three free ports, saying so in <paramref name="log"/>.
    /// </summary>
    public static AzuritePorts ChoosePorts(int? blobPort, TextWriter log)
    {
        if (blobPort == 0)
        {
            return new AzuritePorts(FreePort(), FreePort(), FreePort());
        }

        if (blobPort is { } chosen)
        {
            var asked = AzuritePorts.From(chosen);
            if (asked.All().FirstOrDefault(p => !IsFree(p)) is var taken and > 0)
            {
                throw new DevHostException(
                    $"port {taken} is in use: --azurite-port {chosen} needs ports {asked.Blob}-{asked.Table} free. Choose another --azurite-port, " +
                    "leave it out to get free ports, or share a running storage on purpose with --storage CONNECTION.");
            }

            return asked;
        }

        var defaults = AzuritePorts.From(DefaultBlobPort);
        if (defaults.All().All(IsFree))
        {
            return defaults;
        }

        var free = new AzuritePorts(FreePort(), FreePort(), FreePort());
        log.WriteLine(
            $"Azurite: ports {defaults.Blob}-{defaults.Table} are taken by another process (another Azurite?); this run starts its own on {free} " +
            "(--storage CONNECTION shares a running one on purpose).");
        return free;
    }

    public static async Task<AzuriteProcess> StartAsync(string repoRoot, string dataDirectory, AzuritePorts ports, TextWriter log, CancellationToken cancellationToken = default)
    {
        var script = Path.Combine(repoRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new DevHostException($"Azurite is not installed ({script} is missing): run `npm ci --ignore-scripts` in {repoRoot}.");
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
                     "--blobHost", "127.0.0.1", "--blobPort", Port(ports.Blob),
                     "--queueHost", "127.0.0.1", "--queuePort", Port(ports.Queue),
                     "--tableHost", "127.0.0.1", "--tablePort", Port(ports.Table),
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
        var azurite = new AzuriteProcess(process, ports, dataDirectory);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await azurite.ListeningAsync(cancellationToken))
        {
            if (process.HasExited)
            {
                throw new DevHostException($"Azurite exited with code {process.ExitCode} before listening on {ports} (taken meanwhile?)");
            }

            if (DateTime.UtcNow > deadline)
            {
                await azurite.DisposeAsync();
                throw new TimeoutException($"Azurite did not start listening on {ports} within 30 s");
            }

            await Task.Delay(100, cancellationToken);
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (HasExited)
        {
            process.Dispose();
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

    /// <summary>Whether nothing listens on <paramref name="port"/> of the loopback address and it can be bound.</summary>
    internal static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private async Task<bool> ListeningAsync(CancellationToken cancellationToken)
    {
        foreach (var port in Ports.All())
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

/// <summary>The three ports of one Azurite.</summary>
internal sealed record AzuritePorts(int Blob, int Queue, int Table)
{
    public static AzuritePorts From(int blob) => new(blob, blob + 1, blob + 2);

    public IEnumerable<int> All() => [Blob, Queue, Table];

    public override string ToString() => $"127.0.0.1 (blob {Blob}, queue {Queue}, table {Table})";
}

/// <summary>A reason <c>pubpipe dev</c> cannot start that the person running it can fix: printed without a stack trace.</summary>
internal sealed class DevHostException(string message) : Exception(message);
