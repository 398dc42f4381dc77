using Microsoft.Extensions.Logging;
using PublishPipeline.Rendering;
using PublishPipeline.Site.Components;

namespace PublishPipeline.Site;

/// <summary>
/// Renders the public site's pages with Razor components. All draft text reaches the page through Razor's escaping;
/// nothing from a draft is ever written as markup. Safe to share: each render uses its own HtmlRenderer.
/// </summary>
public sealed class SiteRenderer
{
    private static readonly Lazy<IReadOnlyDictionary<string, (byte[] Content, string ContentType)>> Assets = new(LoadAssets);

    private readonly RazorRenderer renderer;
    private readonly SitePages pages;

    public SiteRenderer()
        : this(null)
    {
    }

    public SiteRenderer(ILoggerFactory? loggerFactory)
    {
        renderer = new RazorRenderer(loggerFactory);
        pages = new SitePages(loggerFactory);
    }

    /// <summary>Files every page links to, by their path in the <c>$web</c> container (e.g. <c>assets/site.css</c>).</summary>
    public static IReadOnlyDictionary<string, (byte[] Content, string ContentType)> StaticAssets => Assets.Value;

    /// <summary>The public page of one report as text (<see cref="SitePages.ReportAsync"/> gives it as a file at its path).</summary>
    public Task<string> RenderReportAsync(ReportPageModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return pages.RenderReportHtmlAsync(model, ct);
    }

    /// <summary>The home page as text (<see cref="SitePages.HomeAsync"/> gives it as a file).</summary>
    public Task<string> RenderHomeAsync(HomePageModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return pages.RenderHomeHtmlAsync(model, ct);
    }

    /// <summary>
    /// The private preview of a submitted version, served by the API host with <see cref="PreviewHeaders.Preview"/>:
    /// the report as its public page will show it, under a banner saying it is not public. A draft that does not
    /// state its year gets the submission's, as it will when published.
    /// </summary>
    public Task<string> RenderPreviewAsync(PreviewModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Document.Report.Year ??= model.Year;
        return renderer.RenderAsync<PreviewPage>(nameof(PreviewPage.Model), model, ct);
    }

    /// <summary>
    /// The status page of a submitted version (what the status link in an email opens in a browser), served by the
    /// API host with <see cref="PreviewHeaders.StatusPage"/>. Action forms appear only where the model's flags allow.
    /// </summary>
    public Task<string> RenderSubmissionStatusAsync(SubmissionStatusModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return renderer.RenderAsync<SubmissionStatusPage>(nameof(SubmissionStatusPage.Model), model, ct);
    }

    private static IReadOnlyDictionary<string, (byte[] Content, string ContentType)> LoadAssets() =>
        SitePages.Assets.ToDictionary(f => f.Path, f => (f.Content.ToArray(), f.ContentType), StringComparer.Ordinal);
}
