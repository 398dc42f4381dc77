using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PublishPipeline.Access;
using PublishPipeline.Api;
using PublishPipeline.Hosting;
using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Site.Live;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// The local stand-in for Azure, one host and one container: the catalogue's functions (<see cref="PipelineFunctions"/>)
/// as ASP.NET Core routes, WebJobs queue and blob triggers and timers on this run's own Azurite, the <c>$web</c>
/// container served as a website, and a SendGrid-compatible mail sink with a mailbox page.
/// </summary>
internal sealed class DevHost : IAsyncDisposable
{
    private readonly DevData data;
    private readonly string? repoRoot;
    private AzuriteProcess? azurite;
    private readonly WebApplication app;
    private int disposed;

    private DevHost(AzuriteProcess? azurite, DevData data, WebApplication app, MailSink mail, DevHostOptions options, string connectionString, string? repoRoot)
    {
        this.azurite = azurite;
        this.repoRoot = repoRoot;
        this.data = data;
        this.app = app;
        Mail = mail;
        StorageConnectionString = connectionString;
        ApiUrl = $"http://127.0.0.1:{options.ApiPort}";
        SiteUrl = $"http://127.0.0.1:{options.SitePort}";
    }

    public string ApiUrl { get; }

    public string SiteUrl { get; }

    public string MailboxUrl => ApiUrl + "/_dev/mailbox";

    public MailSink Mail { get; }

    /// <summary>The connection string of the storage this host uses (for pubpipe commands run against the same storage).</summary>
    public string StorageConnectionString { get; }

    /// <summary>This run's own Azurite; null when it shares a storage it was given.</summary>
    public AzuriteProcess? Azurite => azurite;

    /// <summary>The one container: the API, the WebJobs triggers and the timers all resolve from it.</summary>
    public IServiceProvider Services => app.Services;

    public static async Task<DevHost> StartAsync(DevHostOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        var repoRoot = options.RepoRoot ?? RepoRoot.Find();
        foreach (var (port, option) in new[] { (options.ApiPort, "--port"), (options.SitePort, "--site-port") })
        {
            if (!AzuriteProcess.IsFree(port))
            {
                throw new DevHostException($"port {port} is already in use (is another pubpipe dev running?). Stop it, or choose another port with {option}.");
            }
        }

        var data = DevData.Open(options.DataDirectory ?? Path.Combine(repoRoot ?? Directory.GetCurrentDirectory(), ".dev"));
        AzuriteProcess? azurite = null;
        try
        {
            if (options.Reset)
            {
                var cleared = data.Clear();
                await log.WriteLineAsync(cleared.Count == 0 ? $"Reset: {data.Directory} held nothing to clear." : "Reset: cleared " + string.Join("; ", cleared));
                if (options.StorageConnectionString is not null)
                {
                    await log.WriteLineAsync("Reset: the shared storage (--storage) is not this run's to clear; it was left as it is.");
                }
            }

            var connectionString = options.StorageConnectionString;
            if (connectionString is null)
            {
                var ports = AzuriteProcess.ChoosePorts(options.AzuriteBlobPort, log);
                azurite = await AzuriteProcess.StartAsync(
                    repoRoot ?? throw new DevHostException("Run pubpipe dev inside the repository (PublishPipeline.sln, package.json), or share a storage with --storage CONNECTION."),
                    data.Azurite,
                    ports,
                    log,
                    cancellationToken);
                connectionString = azurite.ConnectionString;
                await log.WriteLineAsync($"Storage: this run's own Azurite (pid {azurite.ProcessId}) on {ports}, data in {data.Azurite}");
            }
            else
            {
                await log.WriteLineAsync($"Storage: shared on purpose (--storage): {StorageConnection.WithoutSecrets(connectionString)}");
            }

            await log.WriteLineAsync($"Mail:    kept in {data.Mail}");
            var mail = new MailSink(data.Mail);
            if (options.MailFaults.Count > 0)
            {
                mail.Faults.Schedule(options.MailFaults);
                await log.WriteLineAsync("Mail:    the sink answers " + string.Join(", then ", options.MailFaults.Select(f => $"{f.Status} for {f.Seconds} s")) + " (POST /_dev/mail/faults to change)");
            }

            var app = Build(options, Settings(options, connectionString), mail);
            await app.Services.GetRequiredService<PipelineStorage>().EnsureCreatedAsync(cancellationToken);
            if (options.AgenciesCsv is not null)
            {
                using var csv = File.OpenText(options.AgenciesCsv);
                var count = await app.Services.GetRequiredService<AgencyDirectory>().ImportCsvAsync(csv, cancellationToken);
                await log.WriteLineAsync($"Agency directory: {count} agencies loaded from {options.AgenciesCsv}");
            }

            if (options.RegionsCsv is not null)
            {
                using var csv = File.OpenText(options.RegionsCsv);
                var count = await app.Services.GetRequiredService<RegionDirectory>().ImportCsvAsync(csv, cancellationToken);
                await log.WriteLineAsync($"Regions:          {count} supervised regions loaded from {options.RegionsCsv}");
            }

            await app.Services.GetRequiredService<LiveSitePublisher>().WriteStaticFilesAsync(cancellationToken);
            await app.StartAsync(cancellationToken);
            return new DevHost(azurite, data, app, mail, options, connectionString, repoRoot);
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            data.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stops this run's own Azurite while the pipeline keeps running, as a storage outage looks to it: every port
    /// closes, requests in flight fail. Azurite is stopped with SIGTERM so it saves what it acknowledged (its metadata
    /// store saves every 5 s; SIGKILL would lose acknowledged writes, which the real service never does). The fault
    /// suite uses it; <see cref="StartStorageAsync"/> brings the same storage back on the same ports.
    /// </summary>
    internal async Task StopStorageAsync()
    {
        var running = azurite ?? throw new InvalidOperationException("this host shares a storage it was given: it has no Azurite of its own to stop");
        await running.DisposeAsync();
    }

    /// <summary>Starts this run's Azurite again, on the same ports and with the same data folder, after <see cref="StopStorageAsync"/>.</summary>
    internal async Task StartStorageAsync(CancellationToken cancellationToken = default)
    {
        var stopped = azurite ?? throw new InvalidOperationException("this host shares a storage it was given: it has no Azurite of its own to start");
        if (!stopped.HasExited)
        {
            throw new InvalidOperationException("this run's Azurite is still running");
        }

        azurite = await AzuriteProcess.StartAsync(repoRoot!, data.Azurite, stopped.Ports, TextWriter.Null, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            // Events the sink is still posting back reach the webhook before it stops.
            await Mail.Events.DrainAsync().WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
            await app.StopAsync(timeout.Token);
            await app.DisposeAsync();
        }
        finally
        {
            Mail.Dispose();
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            data.Dispose();
        }
    }

    /// <summary>The settings the Functions app would read from its app settings, for a local run.</summary>
    internal static Dictionary<string, string?> Settings(DevHostOptions options, string connectionString)
    {
        var settings = new Dictionary<string, string?>
        {
            [StorageNames.ConnectionSetting] = connectionString,
            ["Notices:SendGridHost"] = $"http://127.0.0.1:{options.ApiPort}",
            ["Notices:SendGridApiKey"] = "SG.local-dev-sink",
            ["Notices:FromEmail"] = "noreply@publishpipeline.local",
            ["Pipeline:SiteBaseUrl"] = $"http://127.0.0.1:{options.SitePort}",
            ["Pipeline:ApiBaseUrl"] = $"http://127.0.0.1:{options.ApiPort}",

            // Locally the caller says who they are (X-Dev-User); Azure trusts only App Service authentication.
            ["Pipeline:Authentication"] = nameof(AuthenticationMode.DevHeader),

            // The polling blob trigger can miss blobs that share a last-modified second: sweep often locally.
            ["Pipeline:SweepGrace"] = "00:00:05",

            // Search is re-indexed a few seconds after the local run's publications settle.
            ["Pipeline:SearchQuietPeriod"] = "00:00:03",
            ["Pipeline:SearchMaxDelay"] = "00:00:30",
        };
        foreach (var timer in PipelineFunctions.All.OfType<TimerFunction>().Where(t => t.LocalSchedule is not null))
        {
            settings[timer.ScheduleSetting] = timer.LocalSchedule;
        }

        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// The whole local host in one container, built but not started: every function of the catalogue (HTTP routes,
    /// WebJobs queue and blob triggers, timers), the shared HTTP behaviour, the site and the mail sink.
    /// </summary>
    internal static WebApplication Build(DevHostOptions options, IReadOnlyDictionary<string, string?> settings, MailSink mail)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.ApiPort}", $"http://127.0.0.1:{options.SitePort}");
        ConfigureLogging(builder.Logging, options.LogLevel);

        var queues = HostJson.Queues();
        builder.Host.ConfigureWebJobs(webJobs =>
        {
            webJobs.AddAzureStorageCoreServices();
            webJobs.AddAzureStorageQueues(q =>
            {
                q.BatchSize = queues.BatchSize;
                q.NewBatchThreshold = queues.NewBatchThreshold;
                q.MaxDequeueCount = queues.MaxDequeueCount;
                q.MaxPollingInterval = queues.MaxPollingInterval;
                q.VisibilityTimeout = options.QueueVisibilityTimeout ?? queues.VisibilityTimeout;
                q.MessageEncoding = QueueMessageEncoding.Base64;
            });
            webJobs.AddAzureStorageBlobs();
        });

        // After ConfigureWebJobs, which adds the environment variables again: this run's settings win over the shell's.
        // The Event Webhook checks signatures against the sink's own key, so the sink's signed events work locally.
        var all = new Dictionary<string, string?>(settings);
        all.TryAdd("Notices:EventWebhookPublicKey", mail.Events.PublicKey);
        builder.Configuration.AddInMemoryCollection(all);
        mail.Events.WebhookUrl = new Uri($"http://127.0.0.1:{options.ApiPort}/api/{EmailEventsApi.Route}");

        builder.Services.AddPublishPipeline(builder.Configuration).AddPipelineHttp();
        builder.Services.AddSingleton(mail);
        builder.Services.AddSingleton<StaticSiteServer>();
        builder.Services.AddSingleton<ITypeLocator, DevTypeLocator>();
        builder.Services.AddSingleton<Microsoft.Azure.WebJobs.Host.Timers.IWebJobsExceptionHandlerFactory, DevExceptionHandlerFactory>();
        builder.Services.AddSingleton<IHostLifetime, OwnedLifetime>();
        foreach (var timer in PipelineFunctions.All.OfType<TimerFunction>())
        {
            // A timer whose setting is empty runs on demand only (RemindDeadlines: POST /_dev/deadlines).
            if (builder.Configuration[timer.ScheduleSetting] is { Length: > 0 } schedule)
            {
                builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DevTimer>(sp, timer, schedule));
            }
        }

        builder.Services.AddHostedService<DevTimerService>();

        var app = builder.Build();
        var site = app.Services.GetRequiredService<StaticSiteServer>();
        app.Use(async (context, next) =>
        {
            if (context.Connection.LocalPort == options.SitePort)
            {
                await site.ServeAsync(context);
                return;
            }

            await next(context);
        });
        app.Use((context, next) => PipelineHttp.InvokeAsync(context, () => next(context)));

        foreach (var function in PipelineFunctions.All.OfType<HttpFunction>())
        {
            // Executes the handler's IResult as the Functions app's ResultActionResult does.
            app.MapMethods("/api/" + function.Route, [function.Method.ToUpperInvariant()], async context =>
                    await (await function.InvokeAsync(context.RequestServices, context.Request, context.GetRouteValue("id") as string, context.RequestAborted)).ExecuteAsync(context))
                .WithName(function.Name);
        }

        app.MapPost("/v3/mail/send", (HttpRequest request) => mail.ReceiveAsync(request));
        app.MapGet("/_dev/mail", () => mail.List());

        // Fault mode: POST {"status":429,"seconds":30,"retryAfter":2} (or an array of such phases); DELETE ends it.
        app.MapPost("/_dev/mail/faults", (HttpRequest request) => mail.SetFaultsAsync(request));
        app.MapGet("/_dev/mail/faults", () => mail.DescribeFaults());
        app.MapDelete("/_dev/mail/faults", () =>
        {
            mail.Faults.Clear();
            return Results.NoContent();
        });

        // One more signed Event Webhook event about a received email: {"mail":3,"event":"bounce","reason":"…"}.
        app.MapPost("/_dev/mail/events", (HttpRequest request) => mail.PostEventAsync(request));
        app.MapGet("/_dev/mailbox", () => Results.Content(MailboxPage.Value, "text/html; charset=utf-8"));

        // The RemindDeadlines timer function, on demand and for any day: POST /_dev/deadlines?date=2027-01-24.
        app.MapPost("/_dev/deadlines", async (string? date, DeadlineHandler deadlines, CancellationToken ct) =>
        {
            DateOnly? day = DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed) ? parsed : null;
            if (date is not null && day is null)
            {
                return Problems.BadRequest("日期无效", "date 应为 yyyy-MM-dd。");
            }

            var run = await deadlines.RunAsync(day, ct);
            return Results.Json(new { day = run.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reminders = run.Reminders.Select(r => r.Key), run.Digests, run.SupervisorDigests });
        });

        // A browser cannot send X-Dev-User: /_dev/login?user=EMAIL&next=/api/submissions/… signs it in with a cookie
        // (the dev host's stand-in for App Service authentication's session cookie).
        app.MapGet("/_dev/login", (HttpContext context, string? user, string? next) =>
        {
            if (Caller.FromEmail(user, "dev") is not { } caller)
            {
                return Problems.BadRequest("邮箱无效", "user 应为机构名录中登记的邮箱。");
            }

            context.Response.Cookies.Append(CallerResolver.DevUserCookie, caller.Email, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            return Results.Redirect(IsLocalPath(next) ? next! : "/_dev/mailbox");
        });
        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, LogLevel level)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        logging.SetMinimumLevel(level);
        logging.AddFilter("Azure", LogLevel.Warning);

        // 404s are how the storage SDKs probe for containers, queues and blobs: expected, not worth a line.
        logging.AddFilter("Azure.Core", LogLevel.Error);
        logging.AddFilter("Function", LogLevel.Warning);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        logging.AddFilter("Host", LogLevel.Warning);
        logging.AddFilter("Polly", LogLevel.Warning);
    }

    /// <summary>A path on this host: not "//host" nor "/\\host", which browsers read as another site.</summary>
    private static bool IsLocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || path[1] is not ('/' or '\\'));

    private static readonly Lazy<string> MailboxPage = new(() =>
    {
        using var stream = typeof(DevHost).Assembly.GetManifestResourceStream("PublishPipeline.Cli.Dev.mailbox.html")
            ?? throw new InvalidOperationException("mailbox.html is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
