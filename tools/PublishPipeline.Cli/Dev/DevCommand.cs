using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Dev;

/// <summary><c>pubpipe dev</c>: runs the whole pipeline locally until Ctrl-C.</summary>
internal static class DevCommand
{
    public static Command Create()
    {
        var apiPort = new Option<int>("--port") { Description = "API and mailbox port", DefaultValueFactory = _ => 7071 };
        var sitePort = new Option<int>("--site-port") { Description = "public site port", DefaultValueFactory = _ => 7080 };
        var submit = new Option<DirectoryInfo?>("--submit") { Description = "submit every draft in this folder ({year}-{agency}.ext) once the host is up" };
        var agencies = new Option<FileInfo?>("--agencies") { Description = "agency directory CSV to load (default: samples/agencies.csv)" };
        var regions = new Option<FileInfo?>("--regions") { Description = "supervised regions CSV to load (default: regions.csv next to the agency directory CSV, when there)" };
        var exit = new Option<bool>("--exit-when-done") { Description = "stop after the submitted drafts are processed (exit 1 if any timed out)" };
        var storage = new Option<string?>("--storage")
        {
            Description = "share this storage on purpose (a connection string) instead of starting this run's own Azurite",
        };
        var azuritePort = new Option<int?>("--azurite-port")
        {
            Description = "blob port of this run's own Azurite; queue and table take the next two (default: 10000 when 10000-10002 are free, else free ports; 0: free ports)",
        };
        var mailFault = new Option<string[]>("--mail-fault")
        {
            Description = "the mail sink answers STATUS for SECONDS (with Retry-After when given) from the start: 429:30:2, 500:30; repeat for phases one after another",
            AllowMultipleArgumentsPerToken = false,
        };
        var reset = new Option<bool>("--reset") { Description = "clear local data first: Azurite's data and the received mail (everything under .dev)" };
        var dataDirectory = new Option<DirectoryInfo?>("--data")
        {
            Description = "where this run keeps Azurite's files and the received mail (default: .dev in the repository); one run at a time per folder",
        };
        var command = new Command("dev", "Run the pipeline locally: its own Azurite, the triggers, the API, the site and the mailbox")
        {
            apiPort, sitePort, submit, agencies, regions, exit, storage, azuritePort, reset, dataDirectory, mailFault,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(storage) is not null && result.GetValue(azuritePort) is not null)
            {
                result.AddError("--storage and --azurite-port exclude each other: a shared storage starts no Azurite.");
            }

            foreach (var fault in result.GetValue(mailFault) ?? [])
            {
                if (MailFaults.ParseOption(fault) is null)
                {
                    result.AddError($"--mail-fault {fault}: expected STATUS:SECONDS[:RETRYAFTER], an HTTP error status (400-599) for 1 to {MailFaults.MaxPhase.TotalSeconds} seconds.");
                }
            }
        });
        command.SetAction(async (parse, invocationToken) =>
        {
            // Ctrl-C or SIGTERM: stop the hosts, then Azurite if this process started it.
            using var stop = new StopSignals(invocationToken);

            var cancellationToken = stop.Token;
            var repoRoot = RepoRoot.Find();
            var agenciesCsv = parse.GetValue(agencies)?.FullName ?? DefaultAgencies(repoRoot);
            var options = new DevHostOptions
            {
                ApiPort = parse.GetValue(apiPort),
                SitePort = parse.GetValue(sitePort),
                RepoRoot = repoRoot,
                AgenciesCsv = agenciesCsv,
                RegionsCsv = parse.GetValue(regions)?.FullName ?? RegionsNextTo(agenciesCsv),
                StorageConnectionString = parse.GetValue(storage),
                AzuriteBlobPort = parse.GetValue(azuritePort),
                Reset = parse.GetValue(reset),
                DataDirectory = parse.GetValue(dataDirectory)?.FullName,
            };
            options.MailFaults.AddRange((parse.GetValue(mailFault) ?? []).Select(f => MailFaults.ParseOption(f)!));
            var output = parse.InvocationConfiguration.Output;
            DevHost host;
            try
            {
                host = await DevHost.StartAsync(options, output, cancellationToken);
            }
            catch (DevHostException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("pubpipe dev: " + e.Message);
                return 1;
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"pubpipe dev: port {options.ApiPort} or {options.SitePort} was taken while starting (is another pubpipe dev running?). Stop it, or choose other ports with --port and --site-port.");
                return 1;
            }

            await using var ownedHost = host;
            await output.WriteLineAsync();
            await output.WriteLineAsync($"  Site:    {host.SiteUrl}/");
            await output.WriteLineAsync($"  API:     {host.ApiUrl}/api/drafts  (POST multipart: file, agency, year)");
            await output.WriteLineAsync($"  Mailbox: {host.MailboxUrl}");
            await output.WriteLineAsync();

            var exitCode = 0;
            if (parse.GetValue(submit) is { } folder)
            {
                await output.WriteLineAsync($"Submitting the drafts in {folder.FullName}:");
                using var http = new HttpClient { BaseAddress = new Uri(host.ApiUrl) };
                var results = await new SampleSubmitter(http, host.Services.GetRequiredService<AgencyDirectory>(), output).SubmitFolderAsync(folder.FullName, TimeSpan.FromMinutes(2), cancellationToken);
                await output.WriteLineAsync();
                foreach (var result in results)
                {
                    await output.WriteLineAsync($"  {result.File}: {SampleSubmitter.Describe(result)}");
                }

                // A sample supervisor's way in: the board of their region, signed in by the dev host's cookie.
                foreach (var region in await host.Services.GetRequiredService<RegionDirectory>().ListAsync(cancellationToken))
                {
                    if (SampleSubmitter.BoardSignInUrl(host.ApiUrl, region, results) is { } board)
                    {
                        await output.WriteLineAsync($"  Supervisor board of {region.Id} ({region.SupervisorEmails[0]}): {board}");
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
                await output.WriteLineAsync($"  {host.Mail.Mails.Count} email(s) in the mailbox: {host.MailboxUrl}");
                exitCode = results.Any(r => r.Reason == "timed out waiting for the pipeline") ? 1 : 0;
                if (parse.GetValue(exit))
                {
                    return exitCode;
                }
            }

            await output.WriteLineAsync("Running. Press Ctrl-C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("Stopping…");
            }

            await host.DisposeAsync();
            await output.WriteLineAsync("Stopped.");
            return exitCode;
        });
        return command;
    }

    private static string? RegionsNextTo(string? agenciesCsv)
    {
        var path = agenciesCsv is null ? null : Path.Combine(Path.GetDirectoryName(agenciesCsv)!, "regions.csv");
        return path is not null && File.Exists(path) ? path : null;
    }

    private static string? DefaultAgencies(string? repoRoot)
    {
        var path = repoRoot is null ? null : Path.Combine(repoRoot, "samples", "agencies.csv");
        return path is not null && File.Exists(path) ? path : null;
    }
}
