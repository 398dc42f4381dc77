using System.Collections.Concurrent;
using System.Diagnostics;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PublishPipeline.IntegrationTests.Site.Fixture;
using PublishPipeline.Site;
using Xunit.Abstractions;

namespace PublishPipeline.IntegrationTests.Site;

/// <summary>
/// Every link and source in every built HTML file resolves to a file of the site (relative or absolute, Chinese paths
/// raw or percent-encoded), every fragment to an id on its page; the feed and the sitemaps point at built pages.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class LinkTests(SiteFixture site, ITestOutputHelper output)
{
    private static readonly Uri SiteOrigin = new("http://site.test");

    private static readonly string[] LinkAttributes = ["href", "src", "action", "formaction", "poster", "data", "xlink:href"];

    // Run on the pool so that the Timeout applies (xunit times out async tests only).
    [Fact(Timeout = 120_000)]
    public Task Every_internal_link_resolves() => Task.Run(CheckEveryLink);

    [Fact(Timeout = 180_000)]
    public Task The_feed_and_the_sitemaps_point_at_built_pages() => Task.Run(CheckFeedAndSitemaps);

    private void CheckEveryLink()
    {
        var watch = Stopwatch.StartNew();
        var publicHost = new Uri(SiteFixture.PublicBaseUrl).Host;
        var htmlFiles = site.SiteFiles().Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        var ids = new ConcurrentDictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var broken = new ConcurrentBag<string>();
        var fragments = new ConcurrentBag<(string From, string Target, string Fragment, string Link)>();
        var external = new ConcurrentBag<string>();
        var checkedLinks = 0;

        Parallel.ForEach(htmlFiles, file =>
        {
            var document = Parse(file);
            ids.TryAdd(file, IdsOf(document));

            // 404.html is served at any missing URL: its links must work from a deep path as well as from its own.
            string[] bases = file == SitePaths.NotFound ? ["/" + file, "/reports/1999/no-such-agency/"] : [PageUrl(file)];
            foreach (var element in document.All)
            {
                foreach (var attribute in LinkAttributes)
                {
                    var value = element.GetAttribute(attribute);
                    if (value is not null)
                    {
                        foreach (var pageUrl in bases)
                        {
                            Interlocked.Increment(ref checkedLinks);
                            Check(file, pageUrl, element.LocalName, attribute, value);
                        }
                    }
                }

                if (element.GetAttribute("srcset") is { } srcset)
                {
                    foreach (var candidate in srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        Check(file, bases[0], element.LocalName, "srcset", candidate.Split(' ')[0]);
                    }
                }
            }
        });

        // Fragments on other pages are checked once every page's ids are known.
        var failures = broken.ToList();
        foreach (var (from, target, fragment, link) in fragments)
        {
            if (!ids.TryGetValue(target, out var targetIds) || !targetIds.Contains(fragment))
            {
                failures.Add($"{from}: {link} → no id \"{fragment}\" in {target}");
            }
        }

        output.WriteLine($"{htmlFiles.Count} HTML files, {checkedLinks} links and sources checked in {watch.ElapsedMilliseconds} ms");
        foreach (var link in external.Distinct().Order(StringComparer.Ordinal))
        {
            output.WriteLine("external: " + link);
        }

        Assert.True(htmlFiles.Count >= TestSitePlan.LiveReports.Count(), $"only {htmlFiles.Count} HTML files were built");
        failures = failures.Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} broken link(s):\n" + string.Join("\n", failures.Take(100)));

        void Check(string file, string pageUrl, string element, string attribute, string value)
        {
            var link = $"<{element} {attribute}=\"{value}\">";
            var trimmed = value.Trim();
            if (trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                broken.Add($"{file}: {link} is a javascript: URL");
                return;
            }

            if (trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            // A fragment alone points into this very document, whatever URL it is served at.
            if (trimmed.StartsWith('#'))
            {
                if (trimmed.Length > 1)
                {
                    fragments.Add((file, file, Uri.UnescapeDataString(trimmed[1..]), link));
                }

                return;
            }

            if (!Uri.TryCreate(new Uri(SiteOrigin, pageUrl), trimmed, out var uri))
            {
                broken.Add($"{file}: {link} is not a URL");
                return;
            }

            if (uri.Scheme == "data")
            {
                return;
            }

            if (uri.Host != SiteOrigin.Host && uri.Host != publicHost)
            {
                // A page may link to another site, but it loads nothing from one.
                if (element == "a" && attribute == "href")
                {
                    external.Add($"{file}: {uri}");
                }
                else
                {
                    broken.Add($"{file}: {link} loads from another site");
                }

                return;
            }

            var path = Uri.UnescapeDataString(uri.AbsolutePath);
            var target = SitePaths.FileForUrl(path);
            if (!File.Exists(site.SiteFile(target)))
            {
                broken.Add($"{file}: {link} → {path} (no file {target})");
                return;
            }

            if (uri.Fragment.Length > 1 && target.EndsWith(".html", StringComparison.Ordinal))
            {
                fragments.Add((file, target, Uri.UnescapeDataString(uri.Fragment[1..]), link));
            }
        }
    }

    private void CheckFeedAndSitemaps()
    {
        var feed = XDocument.Load(site.SiteFile(SitePaths.Feed));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.NotEmpty(entries);
        var feedLinks = entries.SelectMany(e => e.Elements(atom + "link")).Select(l => (string)l.Attribute("href")!).ToList();

        var sitemapUrls = new List<string>();
        var pending = new Queue<string>([SitePaths.Sitemap]);
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var sitemaps = 0;
        while (pending.TryDequeue(out var sitemap))
        {
            sitemaps++;
            var xml = XDocument.Load(site.SiteFile(sitemap));
            foreach (var loc in xml.Descendants(sm + "loc").Select(l => l.Value.Trim()))
            {
                var path = PathOf(loc);
                if (xml.Root!.Name == sm + "sitemapindex")
                {
                    pending.Enqueue(path.TrimStart('/'));
                }
                else
                {
                    sitemapUrls.Add(loc);
                }
            }
        }

        output.WriteLine($"feed: {entries.Count} entries; sitemaps: {sitemaps} file(s), {sitemapUrls.Count} URLs");
        var missing = feedLinks.Concat(sitemapUrls)
            .Where(url => !File.Exists(site.SiteFile(SitePaths.FileForUrl(PathOf(url)))))
            .ToList();
        Assert.True(missing.Count == 0, "feed or sitemap URLs with no built page:\n" + string.Join("\n", missing));

        // The sitemap lists every live report.
        var listed = sitemapUrls.Select(PathOf).ToHashSet(StringComparer.Ordinal);
        var unlisted = TestSitePlan.LiveReports.Where(r => !listed.Contains(r.Url)).ToList();
        Assert.True(unlisted.Count == 0, "reports missing from the sitemap: " + string.Join(", ", unlisted));

        var robots = File.ReadAllText(site.SiteFile(SitePaths.Robots));
        Assert.Contains($"Sitemap: {SiteFixture.PublicBaseUrl}/{SitePaths.Sitemap}", robots, StringComparison.Ordinal);
    }

    /// <summary>An absolute URL of the public site → its decoded path ("https://…/reports/2022/澄江省/" → "/reports/2022/澄江省/").</summary>
    private static string PathOf(string url)
    {
        var uri = new Uri(url);
        Assert.True(uri.GetLeftPart(UriPartial.Authority) == SiteFixture.PublicBaseUrl, $"{url} is not on {SiteFixture.PublicBaseUrl}");
        return Uri.UnescapeDataString(uri.AbsolutePath);
    }

    /// <summary>The URL a built file is served at: "reports/2022/x/index.html" → "/reports/2022/x/".</summary>
    private static string PageUrl(string file) =>
        "/" + (file.EndsWith("/index.html", StringComparison.Ordinal) || file == "index.html" ? file[..^"index.html".Length] : file);

    private IHtmlDocument Parse(string file) => new HtmlParser().ParseDocument(File.ReadAllText(site.SiteFile(file)));

    private static HashSet<string> IdsOf(IHtmlDocument document) =>
        document.All.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).Select(id => id!).ToHashSet(StringComparer.Ordinal);
}
