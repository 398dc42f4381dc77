using System.Globalization;
using Microsoft.Playwright;
using PublishPipeline.IntegrationTests.Site;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Dev;

/// <summary>
/// The dev mailbox, in a real Chromium whose own time zone is far from China: it shows when each email arrived in
/// Beijing time, as the emails and the private pages write every time, so a reader never meets two clocks.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class MailboxTimeTests(DevHostFixture fixture)
{
    [Fact]
    public async Task The_mailbox_shows_each_arrival_in_Beijing_time_whatever_the_browsers_zone()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: false);
        await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name));
        var mail = (await fixture.WaitForMailAsync(agency.SubmitterEmails[0], 1))[0];
        Assert.NotEqual(default, mail.ReceivedAt);

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = SiteFixture.ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { TimezoneId = "America/Los_Angeles", Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{fixture.ApiUrl}/_dev/mailbox");

        var beijing = mail.ReceivedAt.ToOffset(TimeSpan.FromHours(8));
        var expected = beijing.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture) + "（北京时间）";
        var item = page.Locator("li").Filter(new LocatorFilterOptions { HasText = mail.Subject }).First;
        await Assertions.Expect(item).ToContainTextAsync(expected);

        await item.ClickAsync();
        await Assertions.Expect(page.Locator("div").Filter(new LocatorFilterOptions { HasText = "时间：" }).Last).ToContainTextAsync(expected);
    }
}
