using System.Text;
using PublishPipeline.Site;
using PublishPipeline.Site.OpenData;

namespace PublishPipeline.Tests.Site.OpenData;

public sealed class RobotsTests
{
    [Fact]
    public void Robots_allows_everything_and_names_the_absolute_sitemap()
    {
        var file = Robots.For(new Uri("https://reports.example.gov.cn"));

        Assert.Equal("robots.txt", file.Path);
        Assert.Equal(SiteFile.Text, file.ContentType);
        Assert.Equal(
            "User-agent: *\nAllow: /\n\nSitemap: https://reports.example.gov.cn/sitemap.xml\n",
            Encoding.UTF8.GetString(file.Content.Span));
    }

    [Theory]
    [InlineData("https://x.example/", "/reports/2020/浙江省/", "https://x.example/reports/2020/%E6%B5%99%E6%B1%9F%E7%9C%81/")]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/$web", "/feed.xml", "http://127.0.0.1:10000/devstoreaccount1/$web/feed.xml")]
    [InlineData("https://x.example/site/?q=1#top", "reports/", "https://x.example/site/reports/")]
    [InlineData("https://x.example/", "/", "https://x.example/")]
    [InlineData("https://x.example/", "/regions/_50%/", "https://x.example/regions/_50%25/")]
    public void Absolute_urls_join_base_and_path_and_percent_encode_segments(string baseUrl, string path, string expected)
    {
        Assert.Equal(expected, SiteUrls.Absolute(new Uri(baseUrl), path));
    }

    [Fact]
    public void A_relative_base_url_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SiteUrls.Absolute(new Uri("/site/", UriKind.Relative), "/"));
    }
}
