namespace PublishPipeline.Site.OpenData;

/// <summary><c>robots.txt</c>: every crawler may read everything (the site is public by law), and where the sitemap is.</summary>
public static class Robots
{
    public static SiteFile For(Uri siteBaseUrl) =>
        SiteFile.Utf8(
            SitePaths.Robots,
            "User-agent: *\nAllow: /\n\nSitemap: " + SiteUrls.Absolute(siteBaseUrl, "/" + SitePaths.Sitemap) + "\n",
            SiteFile.Text);
}
