using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using PublishPipeline.Rendering;
using PublishPipeline.Site.Components;

namespace PublishPipeline.Site;

/// <summary>
/// Every page of the public site, each as the file it is written to (<see cref="SitePaths"/>): a page is a function of
/// its model only (no clock, no environment), so a full build and one-at-a-time publications give the same bytes.
/// Draft and directory text reaches the HTML only through Razor's escaping. Safe to share across threads: each render
/// uses its own HtmlRenderer.
/// </summary>
public sealed class SitePages
{
    private static readonly Lazy<IReadOnlyList<SiteFile>> StaticFiles = new(LoadAssets);

    private readonly RazorRenderer renderer;

    public SitePages(ILoggerFactory? loggerFactory = null)
    {
        renderer = new RazorRenderer(loggerFactory);
    }

    /// <summary>The files pages link to, by their path in <c>$web</c>: the stylesheet, the search page's script, the icon.</summary>
    public static IReadOnlyList<SiteFile> Assets => StaticFiles.Value;

    /// <summary>
    /// A report's page: the live version at <see cref="SitePaths.ReportPage"/>, or, when <see cref="ReportPageModel.ReplacedAt"/>
    /// is set, an earlier version kept at <see cref="SitePaths.VersionPage"/>.
    /// </summary>
    public Task<SiteFile> ReportAsync(ReportPageModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var path = model.ReplacedAt is null
            ? SitePaths.ReportPage(model.Year, model.AgencyId)
            : SitePaths.VersionPage(model.Year, model.AgencyId, model.Version);
        return RenderAsync<ReportPage>(path, nameof(ReportPage.Model), model, ct);
    }

    public Task<SiteFile> HomeAsync(HomePageModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return RenderAsync<HomePage>(SitePaths.Home, nameof(HomePage.Model), model, ct);
    }

    public Task<SiteFile> YearsAsync(YearsPageModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return RenderAsync<YearsPage>(SitePaths.YearsPage, nameof(YearsPage.Model), model, ct);
    }

    public Task<SiteFile> YearAsync(YearPageModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return RenderAsync<YearPage>(SitePaths.YearPage(model.Year, model.Scope), nameof(YearPage.Model), model, ct);
    }

    public Task<SiteFile> RegionAsync(RegionPageModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return RenderAsync<RegionPage>(SitePaths.RegionPage(model.Scope), nameof(RegionPage.Model), model, ct);
    }

    public Task<SiteFile> AgencyAsync(AgencyPageModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return RenderAsync<AgencyPage>(SitePaths.AgencyPage(model.Agency.Id), nameof(AgencyPage.Model), model, ct);
    }

    /// <summary>A supervised region's roll-up of a year, at <see cref="SitePaths.RollupPage"/>.</summary>
    public Task<SiteFile> RollupAsync(RollupPageModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return RenderAsync<RollupPage>(SitePaths.RollupPage(model.Rollup.Year, model.Region), nameof(RollupPage.Model), model, ct);
    }

    /// <summary>The page served for any missing path (<c>404.html</c>).</summary>
    public Task<SiteFile> NotFoundAsync(CancellationToken ct = default) => RenderAsync<NotFoundPage>(SitePaths.NotFound, [], ct);

    /// <summary>The search page: Pagefind's UI, which reads the query from <c>?q=</c>.</summary>
    public Task<SiteFile> SearchAsync(CancellationToken ct = default) => RenderAsync<SearchPage>(SitePaths.SearchPage, [], ct);

    /// <summary>The report page's HTML as a string (the pipeline's publisher and the tests read it as text).</summary>
    internal Task<string> RenderReportHtmlAsync(ReportPageModel model, CancellationToken ct) =>
        renderer.RenderAsync<ReportPage>(nameof(ReportPage.Model), model, ct);

    internal Task<string> RenderHomeHtmlAsync(HomePageModel model, CancellationToken ct) =>
        renderer.RenderAsync<HomePage>(nameof(HomePage.Model), model, ct);

    private Task<SiteFile> RenderAsync<TComponent>(string path, string parameter, object model, CancellationToken ct)
        where TComponent : IComponent =>
        RenderAsync<TComponent>(path, new Dictionary<string, object?> { [parameter] = model }, ct);

    private async Task<SiteFile> RenderAsync<TComponent>(string path, Dictionary<string, object?> parameters, CancellationToken ct)
        where TComponent : IComponent
    {
        var html = await renderer.RenderAsync<TComponent>(parameters, ct);
        return new SiteFile(path, Encoding.UTF8.GetBytes(html), SiteFile.Html);
    }

    private static IReadOnlyList<SiteFile> LoadAssets() =>
    [
        new SiteFile(SitePaths.Stylesheet, Embedded("site.css"), SiteFile.Css),
        new SiteFile(SearchScript, Embedded("search.js"), JavaScript),
        new SiteFile(Favicon, Embedded("favicon.svg"), "image/svg+xml"),
    ];

    /// <summary>The site's icon, linked from every page so browsers do not ask for a missing /favicon.ico.</summary>
    internal const string Favicon = "assets/favicon.svg";

    /// <summary>Our script on the search page: starts Pagefind's UI and runs the query from <c>?q=</c>.</summary>
    internal const string SearchScript = "assets/search.js";

    private const string JavaScript = "text/javascript; charset=utf-8";

    private static byte[] Embedded(string name)
    {
        using var stream = typeof(SitePages).Assembly.GetManifestResourceStream("PublishPipeline.Site.Assets." + name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the assembly");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
