using Microsoft.Playwright;
using PublishPipeline.IntegrationTests.Site.Fixture;
using PublishPipeline.Site;
using PublishPipeline.Site.Model;
using Xunit.Abstractions;

namespace PublishPipeline.IntegrationTests.Site;

/// <summary>
/// Full-page screenshots of the main page types at desktop and phone widths, for people to look at:
/// <c>TestResults/screenshots/{page}-{desktop|mobile}.png</c> at the repository root.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ScreenshotTests(SiteFixture site, ITestOutputHelper output)
{
    public static string Directory => Path.Combine(SiteFixture.RepoRoot, "TestResults", "screenshots");

    public static TheoryData<string, string> Shots()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "home", "region", "agency", "year", "report" })
        {
            foreach (var (viewport, _) in Viewports.Both)
            {
                data.Add(page, viewport);
            }
        }

        return data;
    }

    [Theory(Timeout = 180_000)]
    [MemberData(nameof(Shots))]
    public async Task Saves_a_full_page_screenshot(string pageName, string viewport)
    {
        await AssertChineseFontInstalledAsync();
        var province = new RegionPath([TestSitePlan.SampleProvince]);
        var report = TestSitePlan.Corrected;
        var url = pageName switch
        {
            "home" => "/",
            "region" => SitePaths.RegionUrl(province.Child(TestSitePlan.SampleCity)),
            "agency" => SitePaths.AgencyUrl(report.AgencyId),
            "year" => SitePaths.YearUrl(TestSitePlan.SampleYear, province),
            _ => report.Url,
        };

        await using var browser = await site.OpenPageAsync(viewport == "mobile" ? Viewports.Mobile : Viewports.Desktop);
        var fullUrl = site.Server.Url(url);
        Assert.Equal(200, await browser.GoToAsync(fullUrl));
        await browser.Page.EvaluateAsync("() => document.fonts.ready");

        System.IO.Directory.CreateDirectory(Directory);
        var file = Path.Combine(Directory, $"{pageName}-{viewport}.png");
        var png = await browser.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Type = ScreenshotType.Png });
        var height = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        output.WriteLine($"{file}: {png.Length / 1024} KiB, page {height} px tall ({url})");

        Assert.True(png.Length > 10_000, $"{file} is only {png.Length} bytes: a blank page?");
        Assert.Empty(browser.FailedSubresources(fullUrl));
        Assert.Empty(browser.ForeignRequests);
    }

    /// <summary>Without a CJK font every Chinese character is a box: the screenshots would show nothing.</summary>
    private static async Task AssertChineseFontInstalledAsync()
    {
        var fonts = await ProcessRun.RunAsync("fc-list", [":lang=zh", "family"], TimeSpan.FromSeconds(20));
        Assert.True(fonts.StandardOutput.Trim().Length > 0, "no Chinese font is installed: apt-get install fonts-noto-cjk");
    }
}
