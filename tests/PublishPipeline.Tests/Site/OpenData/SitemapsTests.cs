using System.Text;
using System.Xml.Linq;
using PublishPipeline.Site;
using PublishPipeline.Site.Model;
using PublishPipeline.Site.OpenData;

namespace PublishPipeline.Tests.Site.OpenData;

public sealed class SitemapsTests
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly Uri BaseUrl = new("https://reports.example.gov.cn/");

    [Fact]
    public void Index_lists_each_sitemap_once_sorted_with_absolute_percent_encoded_locations()
    {
        var jinhua = SitePaths.RegionSitemap(RegionPath.Parse("浙江省/金华市"));
        var file = Sitemaps.Index([jinhua, SitePaths.TopSitemap, jinhua], BaseUrl);
        var root = Parse(file).Root!;

        Assert.Equal("sitemap.xml", file.Path);
        Assert.Equal(Sm + "sitemapindex", root.Name);
        var locations = root.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value).ToList();
        Assert.Equal(
            [
                "https://reports.example.gov.cn/sitemaps/site.xml",
                "https://reports.example.gov.cn/sitemaps/%E6%B5%99%E6%B1%9F%E7%9C%81/%E9%87%91%E5%8D%8E%E5%B8%82.xml",
            ],
            locations);
        Assert.Equal("/sitemaps/浙江省/金华市.xml", Uri.UnescapeDataString(new Uri(locations[1]).AbsolutePath));
    }

    [Fact]
    public void Url_set_sorts_by_raw_path_dedupes_and_dates_each_url()
    {
        var modified = new DateTimeOffset(2022, 1, 20, 10, 0, 0, TimeSpan.FromHours(8));
        var urls = new[]
        {
            new SitemapUrl(SitePaths.ReportUrl(2020, "lanxi-wenlvj"), modified),
            new SitemapUrl(SitePaths.YearUrl(2020, RegionPath.Parse("浙江省/金华市")), null),
            new SitemapUrl(SitePaths.ReportUrl(2020, "lanxi-wenlvj"), modified.AddDays(-3)),
            new SitemapUrl("/", null),
        };

        var file = Sitemaps.UrlSet("sitemaps/浙江省/金华市.xml", urls, BaseUrl);
        var entries = Parse(file).Root!.Elements(Sm + "url").ToList();

        Assert.Equal("sitemaps/浙江省/金华市.xml", file.Path);
        Assert.Equal(SiteFile.Xml, file.ContentType);
        Assert.Equal(
            [
                "https://reports.example.gov.cn/",
                "https://reports.example.gov.cn/reports/2020/lanxi-wenlvj/",
                "https://reports.example.gov.cn/reports/2020/%E6%B5%99%E6%B1%9F%E7%9C%81/%E9%87%91%E5%8D%8E%E5%B8%82/",
            ],
            entries.Select(e => e.Element(Sm + "loc")!.Value));
        Assert.Null(entries[0].Element(Sm + "lastmod"));
        Assert.Equal("2022-01-20T02:00:00Z", entries[1].Element(Sm + "lastmod")!.Value);
        Assert.Equal(file.Content.ToArray(), Sitemaps.UrlSet(file.Path, urls.Reverse(), BaseUrl).Content.ToArray());
    }

    [Fact]
    public void A_url_set_holds_at_most_fifty_thousand_urls()
    {
        var full = Enumerable.Range(0, 50_000).Select(i => new SitemapUrl($"/reports/2020/a{i}/", null)).ToList();

        var file = Sitemaps.UrlSet("sitemaps/x.xml", full, BaseUrl);
        Assert.Equal(50_000, Parse(file).Root!.Elements(Sm + "url").Count());

        var error = Assert.Throws<InvalidOperationException>(() => Sitemaps.UrlSet("sitemaps/x.xml", [.. full, new SitemapUrl("/one-more/", null)], BaseUrl));
        Assert.Contains("50001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Special_characters_in_paths_are_encoded_not_interpreted()
    {
        var file = Sitemaps.UrlSet("sitemaps/x.xml", [new SitemapUrl("/regions/_A&B <x>#?/", null)], BaseUrl);
        var text = Encoding.UTF8.GetString(file.Content.Span);

        Assert.Contains("<loc>https://reports.example.gov.cn/regions/_A%26B%20%3Cx%3E%23%3F/</loc>", text, StringComparison.Ordinal);
    }

    private static XDocument Parse(SiteFile file)
    {
        using var stream = new MemoryStream(file.Content.ToArray());
        return XDocument.Load(stream);
    }
}
