namespace PublishPipeline.Site;

/// <summary>Fixed words of the private pages (preview and submission status), kept apart from the public site's.</summary>
internal static class PrivatePageText
{
    public const string PreviewBanner = "预览：本页尚未公开";

    /// <summary>The publication date of a report seen in preview, before it has one.</summary>
    public const string NotYetPublished = "尚未发布";

    public const string PrivateLabel = "内部页面，请勿转发";

    public const string None = "—";
}
