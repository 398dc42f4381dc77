using Microsoft.AspNetCore.Components;
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
    /// the report as its public page will show it, under a banner saying it is not public. The page is the
    /// submission's year's: a draft that does not state its year gets the submission's, as it will when published,
    /// and one that states another year (A8, never published) is shown at the submission's year with a banner naming
    /// both, never under its own year as if that were its page. Sets the model's report year to the submission's.
    /// </summary>
    public Task<string> RenderPreviewAsync(PreviewModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var statedYear = model.Document.Report.Year;
        model.Document.Report.Year = model.Year;
        return renderer.RenderAsync<PreviewPage>(
            new Dictionary<string, object?> { [nameof(PreviewPage.Model)] = model, [nameof(PreviewPage.StatedYear)] = statedYear },
            ct);
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

    /// <summary>
    /// A region's supervisor board, served by the API host with <see cref="PreviewHeaders.StatusPage"/> (its year
    /// selector is a GET form to the same host). <paramref name="rollUp"/> is the regional roll-up shown under it.
    /// </summary>
    public Task<string> RenderSupervisorBoardAsync(Board.SupervisorBoardModel model, RenderFragment? rollUp = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return renderer.RenderAsync<SupervisorBoardPage>(
            new Dictionary<string, object?> { [nameof(SupervisorBoardPage.Model)] = model, [nameof(SupervisorBoardPage.RollUp)] = rollUp },
            ct);
    }

    /// <summary>A supervisor board with the region's roll-up for the same year under it.</summary>
    public Task<string> RenderSupervisorBoardAsync(Board.SupervisorBoardModel model, Board.BoardRollupModel rollup, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        return RenderSupervisorBoardAsync(
            model,
            builder =>
            {
                builder.OpenComponent<BoardRollup>(0);
                builder.AddComponentParameter(1, nameof(BoardRollup.Model), rollup);
                builder.CloseComponent();
            },
            ct);
    }

    /// <summary>The regions a supervisor supervises, each linking to its board.</summary>
    public Task<string> RenderSupervisedRegionsAsync(Board.SupervisedRegionsModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return renderer.RenderAsync<SupervisedRegionsPage>(nameof(SupervisedRegionsPage.Model), model, ct);
    }

    private static IReadOnlyDictionary<string, (byte[] Content, string ContentType)> LoadAssets() =>
        SitePages.Assets.ToDictionary(f => f.Path, f => (f.Content.ToArray(), f.ContentType), StringComparer.Ordinal);
}
