using System.Text;
using Microsoft.AspNetCore.Components;

namespace PublishPipeline.Site;

/// <summary>
/// The stylesheet of the private pages, written inline: they are served by the API host, which has no
/// <c>/assets/site.css</c>, and their Content-Security-Policy allows inline styles only. The public site's CSS comes
/// first so a preview looks exactly like the public page; the additions style the banner, facts, tables and forms.
/// </summary>
internal static class PrivatePageStyles
{
    private const string Additions = """

        /* Private pages (preview, submission status). */
        .site-header .private-label { float: right; color: var(--muted); font-size: .875rem; }
        .preview-banner { border: 3px solid #b35900; background: #fff4e5; padding: .75rem 1rem; margin: 1rem 0 1.5rem; }
        .preview-banner .preview-title { text-indent: 0; font-size: 1.25rem; color: #8a4500; margin: 0 0 .5rem; }
        .preview-banner p { text-indent: 0; }
        .preview-banner .year-mismatch { color: var(--accent); border-left: 4px solid var(--accent); padding-left: .5rem; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0; }
        .facts dt { color: var(--muted); }
        .facts dd { margin: 0; overflow-wrap: anywhere; }
        .link-placeholder { color: var(--link); text-decoration: underline dotted; }
        .not-yet { color: var(--muted); }
        .state { font-weight: 700; }
        .status-table { border-collapse: collapse; width: 100%; font-size: .9rem; line-height: 1.5; margin: .5rem 0 1.5rem; }
        .status-table caption { caption-side: top; text-align: left; font-weight: 700; padding: .25rem 0; }
        .status-table th, .status-table td { border: 1px solid var(--rule-light); padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        .status-table thead th { background: var(--head-bg); white-space: nowrap; }
        .status-table td.location { min-width: 11em; }
        .status-table .rule { white-space: nowrap; overflow-wrap: normal; width: 3.5em; }
        .status-table td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .status-table ul.recipients { margin: 0; padding: 0; list-style: none; }
        .status-table td.delivery.problem .delivery-status { color: var(--accent); }
        .findings-errors caption { color: var(--accent); }
        .actions form { border: 1px solid var(--rule-light); padding: .75rem 1rem; margin: .75rem 0; }
        .actions label { display: block; margin-bottom: .25rem; }
        .actions textarea { width: 100%; min-height: 5rem; font: inherit; }
        .actions input[type=text], .actions input[type=datetime-local] { font: inherit; }
        .actions button { font: inherit; padding: .25rem 1.25rem; margin-top: .5rem; }
        .hint { color: var(--muted); font-size: .875rem; text-indent: 0; }
        .status-links { list-style: none; padding: 0; }

        /* Supervisor board: the counts wrap on a phone, the table scrolls sideways rather than crushing its columns. */
        .board-counts { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: .5rem 0 1rem; }
        .board-counts li { border: 1px solid var(--rule-light); padding: .25rem .75rem; }
        .board-counts .count { font-weight: 700; font-variant-numeric: tabular-nums; margin-left: .25rem; }
        .board-counts li.overdue, .board-table tr.overdue .days { color: var(--accent); font-weight: 700; }
        .board-scroll { overflow-x: auto; }
        .board-table { min-width: 44rem; }
        .board-table td.state, .board-table td.days, .board-table td.deadline, .board-table td.level { white-space: nowrap; }
        .board-tools { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; margin: .5rem 0; }
        .board-tools form { display: flex; gap: .5rem; align-items: center; }
        .board-tools select, .board-tools button { font: inherit; }
        .fix-suggestions { border-left: 4px solid #1a7f37; background: #eef8f0; padding: .5rem 1rem; margin: .5rem 0 1.5rem; }
        .fix-suggestions h3 { margin: .25rem 0; font-size: 1rem; }
        .fix-suggestions p { text-indent: 0; }
        """;

    private static readonly Lazy<MarkupString> Inline = new(Load);

    /// <summary>The CSS for a <c>&lt;style&gt;</c> element, as markup: Razor would otherwise escape its quotes and break it.</summary>
    public static MarkupString Markup => Inline.Value;

    private static MarkupString Load()
    {
        var css = Encoding.UTF8.GetString(SiteRenderer.StaticAssets[SitePaths.Stylesheet].Content).TrimStart('\uFEFF') + Additions;

        // Our own embedded file, never draft text; still, nothing in it may close the style element.
        if (css.Contains("</", StringComparison.Ordinal) || css.Contains("<!--", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the private pages' CSS contains markup");
        }

        return new MarkupString(css);
    }
}
