using System.Net;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Dev;

/// <summary>
/// A browser cannot send X-Dev-User, so the dev host signs it in with a cookie: the links in the mailbox's emails then
/// open as their recipient would see them. The sign-in never redirects off the host.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class DevLoginTests(DevHostFixture fixture)
{
    [Fact]
    public async Task SigningInAsTheReviewer_OpensTheStatusPageFromTheEmailLink()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: false);
        var v1 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name));
        await fixture.WaitForStateAsync(v1.Id, SubmissionState.AwaitingReview);

        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        using (var anonymous = await browser.GetAsync($"{fixture.ApiUrl}/api/submissions/{v1.Id}"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var login = await browser.GetAsync($"{fixture.ApiUrl}/_dev/login?user={Uri.EscapeDataString(agency.ReviewerEmails[0])}&next=/api/submissions/{v1.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Equal($"/api/submissions/{v1.Id}", login.Headers.Location?.ToString());
        }

        using var page = await browser.GetAsync($"{fixture.ApiUrl}/api/submissions/{v1.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("action-approve", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("https://evil.example/")]
    [InlineData("")]
    public async Task SignInNeverRedirectsOffTheHost(string next)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var login = await browser.GetAsync($"{fixture.ApiUrl}/_dev/login?user=someone%40agency.example&next={Uri.EscapeDataString(next)}");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/_dev/mailbox", login.Headers.Location?.ToString());
    }
}
