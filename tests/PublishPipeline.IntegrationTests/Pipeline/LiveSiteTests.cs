using System.Net;
using System.Xml.Linq;
using PublishPipeline.Site;
using PublishPipeline.Site.Model;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Pipeline;

/// <summary>
/// The live site kept by the pipeline, one publication at a time, against Azurite: concurrent publications lose no
/// entry, a correction keeps the earlier version reachable, a withdrawal removes the report from every page, the feed
/// and the sitemap. Each test works in a region of its own, so the pages it reads hold only its own reports.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class LiveSiteTests(DevHostFixture host)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Fifty_concurrent_publications_in_one_region_are_all_listed()
    {
        var province = "并发省" + Guid.NewGuid().ToString("N")[..6];
        var region = RegionPath.Parse($"{province}/并发市/并发县");
        var agencies = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            host.RegisterAgencyAsync($"并发县第{i}局", region: region.Key)));

        var accepted = await Task.WhenAll(agencies.Select(a =>
            host.SubmitDraftOkAsync(a, 2021, "report.docx", TestDrafts.Docx2021(a.Name))));
        foreach (var submission in accepted)
        {
            await host.WaitForStateAsync(submission.Id, SubmissionState.Published);
        }

        var city = region.Truncate(SitePaths.YearListingDepth);
        var yearPage = await GetPageAsync(SitePaths.YearUrl(2021, city));
        var regionPage = await GetPageAsync(SitePaths.RegionUrl(region));
        var provincePage = await GetPageAsync(SitePaths.YearUrl(2021, region.Truncate(1)));
        foreach (var agency in agencies)
        {
            Assert.Contains($"href=\"{SitePaths.ReportUrl(2021, agency.Id)}\"", yearPage, StringComparison.Ordinal);
            Assert.Contains($"href=\"{SitePaths.AgencyUrl(agency.Id)}\"", regionPage, StringComparison.Ordinal);
        }

        Assert.Contains(">50<", provincePage, StringComparison.Ordinal);

        // The feed lists the newest publications: these 50 are the newest on the site.
        var feed = XDocument.Parse(await GetPageAsync("/" + SitePaths.Feed));
        var links = feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "link")!.Attribute("href")!.Value).ToList();
        foreach (var agency in agencies)
        {
            Assert.Contains(links, l => l.EndsWith(SitePaths.ReportUrl(2021, agency.Id), StringComparison.Ordinal));
        }

        // And the city's sitemap lists every report page.
        var sitemapIndex = await GetPageAsync("/" + SitePaths.Sitemap);
        var citySitemapPath = SitePaths.RegionSitemap(city);
        Assert.Contains(Uri.EscapeDataString(province), sitemapIndex, StringComparison.Ordinal);
        var citySitemap = Uri.UnescapeDataString(await GetPageAsync("/" + citySitemapPath));
        foreach (var agency in agencies)
        {
            Assert.Contains(SitePaths.ReportUrl(2021, agency.Id), citySitemap, StringComparison.Ordinal);
        }

        // The open data download of the city's year has one row per report.
        var csvRows = (await GetPageAsync("/" + SitePaths.YearCsv(2021, city))).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(50, csvRows.Count);
        foreach (var agency in agencies)
        {
            Assert.Single(csvRows, row => row.Contains(agency.Name, StringComparison.Ordinal));
        }

        // Fifty publications at once sent each of their emails once.
        await Faults.FaultDrive.AssertEveryEmailOnceAsync(host, accepted.Select(a => a.Id).ToList(), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_correction_keeps_the_earlier_version_and_a_withdrawal_removes_the_report_everywhere()
    {
        var province = "更正省" + Guid.NewGuid().ToString("N")[..6];
        var region = RegionPath.Parse($"{province}/更正市");
        var agency = await host.RegisterAgencyAsync("更正市审计局", region: region.Key);
        var v1 = await host.SubmitDraftOkAsync(agency, 2021, "v1.docx", TestDrafts.Docx2021(agency.Name, note: "第一版内容"));
        await host.WaitForStateAsync(v1.Id, SubmissionState.Published);
        var v2 = await host.SubmitDraftOkAsync(agency, 2021, "v2.docx", TestDrafts.Docx2021(agency.Name, note: "更正后的内容"));
        await host.WaitForStateAsync(v2.Id, SubmissionState.Published);

        var page = await GetPageAsync(SitePaths.ReportUrl(2021, agency.Id));
        Assert.Contains("更正后的内容", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{SitePaths.VersionUrl(2021, agency.Id, 1)}\"", page, StringComparison.Ordinal);
        var earlier = await GetPageAsync(SitePaths.VersionUrl(2021, agency.Id, 1));
        Assert.Contains("第一版内容", earlier, StringComparison.Ordinal);
        var agencyPage = await GetPageAsync(SitePaths.AgencyUrl(agency.Id));
        Assert.Contains($"href=\"{SitePaths.VersionUrl(2021, agency.Id, 1)}\"", agencyPage, StringComparison.Ordinal);
        var feed = await GetPageAsync("/" + SitePaths.Feed);
        Assert.Single(XDocument.Parse(feed).Root!.Elements(Atom + "entry"), e => e.Element(Atom + "link")!.Attribute("href")!.Value.EndsWith(SitePaths.ReportUrl(2021, agency.Id), StringComparison.Ordinal));

        using var withdraw = await host.ActAsync(v2.Id, "withdraw", agency.ReviewerEmails[0], new { reason = "撤回测试" });
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        await host.WaitForStateAsync(v2.Id, SubmissionState.Withdrawn);

        // The unpublish message is handled asynchronously: the report's files go first, then the pages that listed it.
        await EventuallyAsync(async () =>
        {
            Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync(host.SiteUrl + SitePaths.ReportUrl(2021, agency.Id))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync(host.SiteUrl + SitePaths.VersionUrl(2021, agency.Id, 1))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync(host.SiteUrl + SitePaths.YearUrl(2021, region))).StatusCode);
            Assert.DoesNotContain(SitePaths.ReportUrl(2021, agency.Id), await GetPageAsync(SitePaths.AgencyUrl(agency.Id)), StringComparison.Ordinal);
            Assert.DoesNotContain(SitePaths.ReportUrl(2021, agency.Id), await GetPageAsync("/" + SitePaths.Feed), StringComparison.Ordinal);
            Assert.DoesNotContain(SitePaths.ReportUrl(2021, agency.Id), await GetPageAsync("/"), StringComparison.Ordinal);
            var citySitemap = Uri.UnescapeDataString(await GetPageAsync("/" + SitePaths.RegionSitemap(region)));
            Assert.DoesNotContain(SitePaths.ReportUrl(2021, agency.Id), citySitemap, StringComparison.Ordinal);
            Assert.DoesNotContain(SitePaths.VersionUrl(2021, agency.Id, 1), citySitemap, StringComparison.Ordinal);
        });
    }

    private async Task<string> GetPageAsync(string urlPath)
    {
        using var response = await host.Http.GetAsync(host.SiteUrl + urlPath);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{urlPath}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task EventuallyAsync(Func<Task> assertions)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await assertions();
                return;
            }
            catch (Xunit.Sdk.XunitException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }
}
