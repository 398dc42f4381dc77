using System.Diagnostics;
using Microsoft.Playwright;
using PublishPipeline.IntegrationTests.Site.Fixture;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PublishPipeline.IntegrationTests.Site;

/// <summary>
/// The public site the site tests look at, made once per run: the reports of <see cref="TestSitePlan"/> written as a
/// folder build's input, built in-process with search, served over HTTP on 127.0.0.1, and a headless Chromium
/// (the system's, never a downloaded one) to look at it.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The public address the build writes into the feed, the sitemap and canonical links.</summary>
    public const string PublicBaseUrl = "https://reports.example.gov.cn";

    /// <summary>The API beside the site (report pages link the agency's next-year template there).</summary>
    public const string ApiBaseUrl = "https://api.reports.example.gov.cn";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    private readonly IMessageSink diagnostics;
    private readonly string workDirectory = Path.Combine(Path.GetTempPath(), "pubpipe-site-" + Guid.NewGuid().ToString("N")[..8]);
    private StaticSiteServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public SiteFixture(IMessageSink diagnostics)
    {
        this.diagnostics = diagnostics;
    }

    public static string RepoRoot => DevHostFixture.RepoRoot;

    public string InputDirectory => Path.Combine(workDirectory, "input");

    public string AgenciesCsv => Path.Combine(workDirectory, "agencies.csv");

    /// <summary>The built site: the folder that is served.</summary>
    public string SiteDirectory => Path.Combine(workDirectory, "site");

    public int InputDocuments { get; private set; }

    public TimeSpan BuildTime { get; private set; }

    public StaticSiteServer Server => server ?? throw new InvalidOperationException("the site is not served");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium is not started");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(InputDirectory);
        InputDocuments = TestSiteInput.Write(InputDirectory, AgenciesCsv);

        using var timeout = new CancellationTokenSource(BuildTimeout);
        var watch = Stopwatch.StartNew();
        var build = await TestSiteBuild.RunAsync(InputDirectory, AgenciesCsv, SiteDirectory, PublicBaseUrl, timeout.Token);
        BuildTime = watch.Elapsed;
        if (build.Reports != TestSitePlan.LiveReports.Count())
        {
            throw new InvalidOperationException($"the build made {build.Reports} report pages of {TestSitePlan.LiveReports.Count()} live reports");
        }

        server = await StaticSiteServer.StartAsync(SiteDirectory);

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install chromium fonts-noto-cjk (the site tests drive the system Chromium)");
        }

        // Playwright must never fetch a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
            Timeout = 30_000,
        });

        diagnostics.OnMessage(new DiagnosticMessage(
            $"site fixture: {InputDocuments} input documents, {build.Reports} reports, {build.EarlierVersions} earlier versions, {build.Files} files; " +
            $"built with search in {BuildTime.TotalSeconds:F1} s into {SiteDirectory}, served at {server.BaseUrl}"));
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        // Keep the built site when asked, to look at it after a failure.
        if (Environment.GetEnvironmentVariable("PUBPIPE_KEEP_TEST_SITE") != "1" && Directory.Exists(workDirectory))
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    /// <summary>A new page at <paramref name="viewport"/> that records dialogs, errors and requests.</summary>
    public Task<BrowserPage> OpenPageAsync(ViewportSize viewport) => BrowserPage.OpenAsync(Browser, Server.BaseUrl, viewport);

    /// <summary>The built file behind a site path ("reports/2022/lc-jyj/index.html").</summary>
    public string SiteFile(string relativePath) => Path.Combine(SiteDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Every file of the built site, as site paths with '/' separators.</summary>
    public IEnumerable<string> SiteFiles() =>
        Directory.EnumerateFiles(SiteDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SiteDirectory, f).Replace(Path.DirectorySeparatorChar, '/'));
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "public site";
}
