using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using PublishPipeline.Cli.Dev;

namespace PublishPipeline.Cli.Bench;

/// <summary>
/// <c>pubpipe bench</c>: a load run. Starts the local host (its own Azurite on free ports and a temporary data folder,
/// as <c>pubpipe dev</c>), submits N realistic drafts through the HTTP API, concurrently, reviews those that wait for
/// review, waits until all are final, and reports throughput, latencies and peak memory; exits 1 unless every
/// submission ended in the state it must and every email arrived exactly once.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count", "-n") { Description = "how many drafts to submit", DefaultValueFactory = _ => 1000 };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "uploads in flight at once", DefaultValueFactory = _ => 16 };
        var seed = new Option<int>("--seed") { Description = "seed of the generated reports and of the mix of forms, errors and reviews", DefaultValueFactory = _ => 20270125 };
        var generator = new Option<FileInfo?>("--generator") { Description = "gen.py, the realistic report generator (default: ../shared/bench/hugo/gen.py beside the repository)" };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "result file (JSON; a Markdown copy is written beside it with .md); default bench-N.json" };
        var timeout = new Option<int>("--timeout") { Description = "minutes before the run gives up and reports what it has", DefaultValueFactory = _ => 60 };
        var settle = new Option<int>("--settle") { Description = "seconds the pipeline must stay idle after the last expected email before emails are counted", DefaultValueFactory = _ => 15 };
        var storage = new Option<string?>("--storage") { Description = "run against this storage (a connection string) instead of a fresh Azurite; its existing data stays" };
        var keep = new Option<bool>("--keep") { Description = "keep the run's data folder (Azurite's data, the mail) instead of deleting it" };
        var command = new Command("bench", "Load run: N realistic drafts through the API to the local host; throughput, latencies, peak memory and exactly-once checks")
        {
            count, concurrency, seed, generator, output, timeout, settle, storage, keep,
        };
        command.SetAction(async (parse, invocationToken) =>
        {
            using var stop = new StopSignals(invocationToken);

            var log = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var n = parse.GetValue(count);
            if (n < 1 || parse.GetValue(concurrency) < 1)
            {
                await error.WriteLineAsync("pubpipe bench: --count and --concurrency must be at least 1.");
                return 2;
            }

            var options = new BenchOptions(
                n,
                parse.GetValue(concurrency),
                parse.GetValue(seed),
                parse.GetValue(generator)?.FullName,
                parse.GetValue(output)?.FullName ?? Path.GetFullPath($"bench-{n}.json"),
                TimeSpan.FromMinutes(parse.GetValue(timeout)),
                TimeSpan.FromSeconds(parse.GetValue(settle)),
                parse.GetValue(storage),
                parse.GetValue(keep),
                "pubpipe " + string.Join(' ', parse.Tokens.Select(t => t.Value)));
            try
            {
                var result = await RunAsync(options, log, stop.Token);
                return result.Passed ? 0 : 1;
            }
            catch (BenchException e)
            {
                await error.WriteLineAsync("pubpipe bench: " + e.Message);
                return 2;
            }
            catch (DevHostException e)
            {
                await error.WriteLineAsync("pubpipe bench: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>One run, from the drafts to the result files; what the command and its test call.</summary>
    internal static async Task<BenchResult> RunAsync(BenchOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var repoRoot = RepoRoot.Find() ?? throw new BenchException("run pubpipe bench inside the repository (PublishPipeline.sln, package.json)");
        var work = Path.Combine(Path.GetTempPath(), "pubpipe-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            await log.WriteLineAsync($"Generating {options.Count} drafts (gen.py, seed {options.Seed}) in {work}");
            var workload = await BenchWorkload.GenerateAsync(
                options.Count, options.Seed, repoRoot, options.Generator ?? BenchWorkload.DefaultGenerator(repoRoot), work, log, cancellationToken);

            var hostOptions = new DevHostOptions
            {
                ApiPort = AzuriteProcess.FreePort(),
                SitePort = AzuriteProcess.FreePort(),
                RepoRoot = repoRoot,
                DataDirectory = Path.Combine(work, "data"),
                StorageConnectionString = options.Storage,
                AzuriteBlobPort = options.Storage is null ? 0 : null,
                LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
            };
            await using var host = await DevHost.StartAsync(hostOptions, log, cancellationToken);
            await log.WriteLineAsync($"Local host: API {host.ApiUrl}, site {host.SiteUrl}; {options.Concurrency} uploads at a time");
            var result = await new BenchRun(host, workload, options.Concurrency, options.Timeout, options.Settle, log).RunAsync(cancellationToken);

            var machine = Machine();
            var markdown = result.Markdown(machine, options.CommandLine);
            Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
            await File.WriteAllTextAsync(options.Output, result.Json(machine, options.CommandLine), cancellationToken);
            await File.WriteAllTextAsync(Path.ChangeExtension(options.Output, ".md"), markdown, cancellationToken);
            await log.WriteLineAsync();
            await log.WriteLineAsync(markdown);
            await log.WriteLineAsync($"Written: {options.Output} and {Path.ChangeExtension(options.Output, ".md")}");
            return result;
        }
        finally
        {
            if (options.Keep)
            {
                await log.WriteLineAsync($"Kept: {work}");
            }
            else
            {
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                    // Azurite may still be closing a file; the temp folder is the system's to clean.
                }
            }
        }
    }

    /// <summary>The machine a figure was measured on: cores, memory, OS, and the load when the run ended.</summary>
    internal static string Machine()
    {
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var gb = memory is null ? "?" : (long.Parse(memory, CultureInfo.InvariantCulture) / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);
        return $"{Environment.ProcessorCount} cores, {gb} GB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load {load} at the end";
    }
}

/// <summary>How one bench run goes.</summary>
internal sealed record BenchOptions(
    int Count,
    int Concurrency,
    int Seed,
    string? Generator,
    string Output,
    TimeSpan Timeout,
    TimeSpan Settle,
    string? Storage,
    bool Keep,
    string CommandLine);
