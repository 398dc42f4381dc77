namespace PublishPipeline.Site.Views;

/// <summary>Which item of the site navigation a page belongs to (marked <c>aria-current</c>).</summary>
public enum NavSection
{
    None,
    Home,
    Years,
    Regions,
    Search,
}
