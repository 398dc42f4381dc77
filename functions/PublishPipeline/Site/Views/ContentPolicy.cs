using Microsoft.AspNetCore.Components;

namespace PublishPipeline.Site.Views;

/// <summary>
/// The Content-Security-Policy every public page carries in a <c>&lt;meta http-equiv&gt;</c> (a static site cannot
/// rely on response headers being set). No page runs script except the search page, which runs only Pagefind's files
/// and ours from the site itself; Pagefind compiles WebAssembly, which needs <c>'wasm-unsafe-eval'</c> but not
/// <c>'unsafe-eval'</c>. Styles come only from the site's stylesheets, so no page may use a style attribute.
/// </summary>
internal static class ContentPolicy
{
    public const string NoScript =
        "default-src 'self'; script-src 'none'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    /// <remarks>
    /// Pagefind's UI stylesheet draws its search icon as a <c>data:</c> SVG background, hence <c>img-src data:</c>
    /// here only (an image cannot run script).
    /// </remarks>
    public const string Search =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";

    // Written as markup from these constants: Razor would encode the quotes as &#x27;, which is valid but noisy.
    private const string NoScriptElement = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + NoScript + "\">";

    private const string SearchElement = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + Search + "\">";

    public static MarkupString Meta(bool search) => new(search ? SearchElement : NoScriptElement);
}
