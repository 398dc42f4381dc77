using Microsoft.Playwright;

namespace PublishPipeline.IntegrationTests.Site.Fixture;

/// <summary>
/// One Chromium page in its own context, with everything the tests watch recorded from the moment it opens: dialogs
/// (dismissed, so a script that runs cannot block the test), console errors, uncaught script errors, every response,
/// and any request that leaves the test server (the site makes no external requests).
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly string origin;

    private BrowserPage(IBrowserContext context, IPage page, string origin)
    {
        this.context = context;
        this.origin = origin;
        Page = page;
        page.Dialog += (_, dialog) =>
        {
            lock (Dialogs)
            {
                Dialogs.Add($"{dialog.Type}: {dialog.Message}");
            }

            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            // The browser's own favicon probe is no fault of the site's pages.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                lock (ConsoleErrors)
                {
                    ConsoleErrors.Add($"{message.Text} (at {message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (ScriptErrors)
            {
                ScriptErrors.Add(error);
            }
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin + "/", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                lock (ForeignRequests)
                {
                    ForeignRequests.Add(request.Url);
                }
            }
        };
        page.Response += (_, response) =>
        {
            lock (Responses)
            {
                Responses.Add((response.Url, response.Status));
            }
        };
    }

    public IPage Page { get; }

    public List<string> Dialogs { get; } = [];

    public List<string> ConsoleErrors { get; } = [];

    public List<string> ScriptErrors { get; } = [];

    public List<string> ForeignRequests { get; } = [];

    public List<(string Url, int Status)> Responses { get; } = [];

    public static async Task<BrowserPage> OpenAsync(IBrowser browser, string origin, ViewportSize viewport)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport,
            IsMobile = viewport.Width < 600,
            HasTouch = viewport.Width < 600,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(20_000);
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page, origin);
    }

    /// <summary>Loads a URL and waits until the network is quiet; returns the main document's status.</summary>
    public async Task<int> GoToAsync(string url)
    {
        var response = await Page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return response?.Status ?? 0;
    }

    /// <summary>Responses of 400 or more other than the page itself (and the browser's own favicon probe).</summary>
    public IReadOnlyList<string> FailedSubresources(string pageUrl)
    {
        lock (Responses)
        {
            return Responses
                .Where(r => r.Status >= 400 && r.Url != pageUrl && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
                .Select(r => $"{r.Status} {r.Url}")
                .ToList();
        }
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
