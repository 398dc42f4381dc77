using System.Net;
using AngleSharp.Html.Parser;
using PublishPipeline.IntegrationTests.Site.Fixture;
using PublishPipeline.Site;

namespace PublishPipeline.IntegrationTests.Site;

/// <summary>
/// A withdrawn report (in a folder build: absent from the input while its agency's other years are there) is a 404,
/// and no page, feed or sitemap of the site mentions it.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class WithdrawnReportTests(SiteFixture site)
{
    private static readonly string[] TextExtensions = [".html", ".xml", ".json", ".csv", ".txt"];

    [Fact(Timeout = 180_000)]
    public async Task Its_url_is_404_and_nothing_mentions_it()
    {
        var withdrawn = TestSitePlan.Withdrawn;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(site.Server.Url(withdrawn.Url));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("lang=\"zh-CN\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Its agency's other years are live and listed, so a mention would have had somewhere to appear.
        var agencyPage = File.ReadAllText(site.SiteFile(SitePaths.AgencyPage(withdrawn.AgencyId)));
        foreach (var year in TestSitePlan.Agency(withdrawn.AgencyId).Years)
        {
            Assert.Contains(SitePaths.ReportUrl(year, withdrawn.AgencyId), agencyPage, StringComparison.Ordinal);
        }

        var path = SitePaths.ReportDirectory(withdrawn.Year, withdrawn.AgencyId);
        var mentions = site.SiteFiles()
            .Where(f => TextExtensions.Contains(Path.GetExtension(f)))
            .Where(f => File.ReadAllText(site.SiteFile(f)).Contains(path, StringComparison.Ordinal))
            .ToList();
        Assert.True(mentions.Count == 0, $"{path} is mentioned by: " + string.Join(", ", mentions));

        // Relative links too: no link of any page resolves to it.
        var origin = new Uri("http://site.test");
        var linkers = new List<string>();
        foreach (var file in site.SiteFiles().Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var document = new HtmlParser().ParseDocument(File.ReadAllText(site.SiteFile(file)));
            var pageUrl = new Uri(origin, "/" + file);
            foreach (var href in document.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href")!))
            {
                if (Uri.TryCreate(pageUrl, href, out var target) && Uri.UnescapeDataString(target.AbsolutePath).StartsWith("/" + path, StringComparison.Ordinal))
                {
                    linkers.Add($"{file}: {href}");
                }
            }
        }

        Assert.True(linkers.Count == 0, "links to the withdrawn report: " + string.Join(", ", linkers));
        Assert.False(Directory.Exists(site.SiteFile(path)), $"{path} was built");
    }
}
