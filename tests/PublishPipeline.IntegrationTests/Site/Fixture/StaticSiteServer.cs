using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PublishPipeline.IntegrationTests.Site.Fixture;

/// <summary>
/// Serves a built site folder on 127.0.0.1 the way Azure static websites serve <c>$web</c>: a directory URL gives its
/// <c>index.html</c>, anything missing gives <c>404.html</c> with status 404, and every file its content type
/// (including Pagefind's <c>.wasm</c> and <c>.pf_*</c> files).
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    private readonly WebApplication app;
    private readonly string root;

    private StaticSiteServer(WebApplication app, string root, string baseUrl)
    {
        this.app = app;
        this.root = root;
        BaseUrl = baseUrl;
    }

    /// <summary>The origin, without a trailing slash: <c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; }

    public static async Task<StaticSiteServer> StartAsync(string siteDirectory)
    {
        var root = Path.GetFullPath(siteDirectory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        StaticSiteServer? server = null;
        app.Run(context => server!.ServeAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new StaticSiteServer(app, root, address.TrimEnd('/'));
        return server;
    }

    /// <summary>The URL of a site path ("/reports/2022/" → "http://127.0.0.1:PORT/reports/2022/"), Chinese segments encoded.</summary>
    public string Url(string path) => BaseUrl + EncodePath(path);

    /// <summary>Percent-encodes each segment of a path (what a browser sends for a Chinese URL), keeping '/', '?' and '#' parts.</summary>
    public static string EncodePath(string path)
    {
        var cut = path.IndexOfAny(['?', '#']);
        var (pathPart, rest) = cut < 0 ? (path, "") : (path[..cut], path[cut..]);
        return string.Join('/', pathPart.Split('/').Select(Uri.EscapeDataString)) + rest;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var relative = path.TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }

        var file = Path.GetFullPath(Path.Combine(root, relative));
        var inside = file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (!inside || !File.Exists(file) || (context.Request.Method != "GET" && context.Request.Method != "HEAD"))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = Path.Combine(root, "404.html");
            if (File.Exists(notFound))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(notFound);
            }

            return;
        }

        context.Response.ContentType = ContentTypeOf(file);
        await context.Response.SendFileAsync(file);
    }

    public static string ContentTypeOf(string file) =>
        ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".html"] = "text/html; charset=utf-8";
        provider.Mappings[".css"] = "text/css; charset=utf-8";
        provider.Mappings[".js"] = "text/javascript; charset=utf-8";
        provider.Mappings[".json"] = "application/json; charset=utf-8";
        provider.Mappings[".csv"] = "text/csv; charset=utf-8";
        provider.Mappings[".xml"] = "application/xml; charset=utf-8";
        provider.Mappings[".txt"] = "text/plain; charset=utf-8";
        provider.Mappings[".svg"] = "image/svg+xml";
        provider.Mappings[".wasm"] = "application/wasm";

        // Pagefind's index, fragments, metadata and filters are binary files fetched by its script.
        foreach (var extension in new[] { ".pagefind", ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter" })
        {
            provider.Mappings[extension] = "application/octet-stream";
        }

        return provider;
    }
}
