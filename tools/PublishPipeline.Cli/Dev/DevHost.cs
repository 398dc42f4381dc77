using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PublishPipeline.Access;
using PublishPipeline.Api;
using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Site;
using PublishPipeline.Site.Live;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// The local stand-in for Azure: the pipeline's stage handlers under the WebJobs SDK (queue triggers and a
/// polling blob trigger) on Azurite, the same HTTP API routes, the <c>$web</c> container served as a website,
/// and a SendGrid-compatible mail sink with a mailbox page.
/// </summary>
internal sealed class DevHost : IAsyncDisposable
{
    private readonly AzuriteProcess? azurite;
    private readonly WebApplication web;
    private readonly IHost jobs;
    private int disposed;

    private DevHost(AzuriteProcess? azurite, WebApplication web, IHost jobs, MailSink mail, DevHostOptions options)
    {
        this.azurite = azurite;
        this.web = web;
        this.jobs = jobs;
        Mail = mail;
        ApiUrl = $"http://127.0.0.1:{options.ApiPort}";
        SiteUrl = $"http://127.0.0.1:{options.SitePort}";
    }

    public string ApiUrl { get; }

    public string SiteUrl { get; }

    public string MailboxUrl => ApiUrl + "/_dev/mailbox";

    public MailSink Mail { get; }

    /// <summary>The web host's services (the pipeline as the API uses it).</summary>
    public IServiceProvider Services => web.Services;

    public static async Task<DevHost> StartAsync(DevHostOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        var repoRoot = options.RepoRoot ?? RepoRoot.Find();
        var dataDirectory = options.DataDirectory ?? Path.Combine(repoRoot ?? Directory.GetCurrentDirectory(), ".dev");
        AzuriteProcess? azurite = null;
        var connectionString = options.StorageConnectionString;
        if (connectionString is null)
        {
            azurite = await AzuriteProcess.EnsureRunningAsync(
                repoRoot ?? throw new InvalidOperationException("Run pubpipe dev inside the repository (PublishPipeline.sln, package.json) or pass a storage connection string."),
                Path.Combine(dataDirectory, "azurite"),
                log,
                cancellationToken);
            connectionString = AzuriteProcess.ConnectionString;
        }

        try
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
            foreach (var (key, value) in options.Settings)
            {
                settings[key] = value;
            }

            var mail = new MailSink(Path.Combine(dataDirectory, "mail"));
            var web = BuildWeb(options, settings, mail);
            var storage = web.Services.GetRequiredService<PipelineStorage>();
            await storage.EnsureCreatedAsync(cancellationToken);
            if (options.AgenciesCsv is not null)
            {
                using var csv = File.OpenText(options.AgenciesCsv);
                var count = await web.Services.GetRequiredService<AgencyDirectory>().ImportCsvAsync(csv, cancellationToken);
                await log.WriteLineAsync($"Agency directory: {count} agencies loaded from {options.AgenciesCsv}");
            }

            await web.Services.GetRequiredService<LiveSitePublisher>().WriteStaticFilesAsync(cancellationToken);
            await web.StartAsync(cancellationToken);
            var jobs = BuildJobs(options, settings);
            await jobs.StartAsync(cancellationToken);
            return new DevHost(azurite, web, jobs, mail, options);
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
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
            await jobs.StopAsync(timeout.Token);
            jobs.Dispose();
        }
        finally
        {
            try
            {
                await web.StopAsync(timeout.Token);
                await web.DisposeAsync();
            }
            finally
            {
                if (azurite is not null)
                {
                    await azurite.DisposeAsync();
                }
            }
        }
    }

    private static WebApplication BuildWeb(DevHostOptions options, Dictionary<string, string?> settings, MailSink mail)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.ApiPort}", $"http://127.0.0.1:{options.SitePort}");
        ConfigureLogging(builder.Logging, options.LogLevel);
        builder.Services.AddPublishPipeline(builder.Configuration);
        builder.Services.AddSingleton(mail);
        builder.Services.AddSingleton<StaticSiteServer>();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<IHostLifetime, OwnedLifetime>();

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

        app.MapPost("/api/" + DraftsApi.Route, (HttpRequest request, DraftsApi api, CancellationToken ct) => api.SubmitAsync(request, ct));
        app.MapGet("/api/" + SubmissionsApi.Route, (HttpRequest request, string id, SubmissionsApi api, CancellationToken ct) => api.GetAsync(request, id, ct));
        app.MapGet("/api/" + SubmissionsApi.PreviewRoute, (HttpRequest request, string id, SubmissionsApi api, CancellationToken ct) => api.PreviewAsync(request, id, ct));
        app.MapGet("/api/" + SubmissionsApi.AgencyRoute, (HttpRequest request, string id, SubmissionsApi api, CancellationToken ct) => api.ListForAgencyAsync(request, id, ct));
        app.MapPost("/api/" + ReviewApi.ApproveRoute, (HttpRequest request, string id, ReviewApi api, CancellationToken ct) => api.ApproveAsync(request, id, ct));
        app.MapPost("/api/" + ReviewApi.ReturnRoute, (HttpRequest request, string id, ReviewApi api, CancellationToken ct) => api.ReturnAsync(request, id, ct));
        app.MapPost("/api/" + ReviewApi.WithdrawRoute, (HttpRequest request, string id, ReviewApi api, CancellationToken ct) => api.WithdrawAsync(request, id, ct));
        app.MapPost("/api/" + ReviewApi.PublishRoute, (HttpRequest request, string id, ReviewApi api, CancellationToken ct) => api.PublishAsync(request, id, ct));
        app.MapPost("/v3/mail/send", (HttpRequest request) => mail.ReceiveAsync(request));
        app.MapGet("/_dev/mail", () => mail.List());
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
            return Results.Json(new { day = run.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reminders = run.Reminders.Select(r => r.Key), run.Digests });
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

    private static IHost BuildJobs(DevHostOptions options, Dictionary<string, string?> settings)
    {
        var queues = HostJson.Queues();
        return new HostBuilder()
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings))
            .ConfigureLogging(logging => ConfigureLogging(logging, options.LogLevel))
            .ConfigureWebJobs(webJobs =>
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
            })
            .ConfigureServices((context, services) =>
            {
                services.AddPublishPipeline(context.Configuration);
                services.AddSingleton<ITypeLocator, DevTypeLocator>();
                services.AddSingleton<IHostLifetime, OwnedLifetime>();
                services.AddHostedService<DraftSweepService>();
                services.AddHostedService<SearchIndexService>();
            })
            .Build();
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
