using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Security;

/// <summary>
/// The forgeries found when the API was tried as an attacker would, sent again exactly as they were: a browser signed
/// in with the dev host's session cookie, made by another site's page to post a <c>text/plain</c> body or a multipart
/// upload. Each is refused with a 403 problem and changes nothing; the same request from this site's own page works.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class CrossSiteRequestTests(DevHostFixture fixture)
{
    private const string Evil = "http://evil.example";

    /// <summary>A browser signed in as <paramref name="user"/>: it holds the session cookie and sends it by itself.</summary>
    private async Task<HttpClient> SignedInBrowserAsync(string user)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
        using var login = await browser.GetAsync($"{fixture.ApiUrl}/_dev/login?user={Uri.EscapeDataString(user)}");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    /// <summary>A draft awaiting review, its reviewer's signed-in browser, and the approve form of its status page as served.</summary>
    private async Task<(Agency Agency, PublishPipeline.Api.SubmissionAccepted Version, HttpClient Browser, string StatusUrl, AngleSharp.Dom.IElement Form, string Action)> AwaitingReviewWithApproveFormAsync()
    {
        var agency = await fixture.RegisterAgencyAsync("江屿市青山街道办事处", level: "乡镇街道", autoPublish: false);
        var v1 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name));
        await fixture.WaitForStateAsync(v1.Id, SubmissionState.AwaitingReview);
        var browser = await SignedInBrowserAsync(agency.ReviewerEmails[0]);
        var statusUrl = $"{fixture.ApiUrl}/api/submissions/{v1.Id}";
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, statusUrl);
        pageRequest.Headers.Accept.ParseAdd("text/html");
        using var page = await browser.SendAsync(pageRequest);
        var form = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("form.action-approve");
        Assert.NotNull(form);
        return (agency, v1, browser, statusUrl, form, new Uri(new Uri(statusUrl), form.GetAttribute("action")!).ToString());
    }

    private static HttpRequestMessage Post(string url, HttpContent content, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    /// <summary>What a foreign page's <c>fetch(url, {method: 'POST', credentials: 'include', body: json})</c> sends: text/plain.</summary>
    private static StringContent TextPlainJson(string json) => new(json, Encoding.UTF8, "text/plain");

    [Fact]
    public async Task A_text_plain_json_body_with_the_cookie_from_another_site_or_from_nowhere_returns_nothing()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: false);
        var v1 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name));
        await fixture.WaitForStateAsync(v1.Id, SubmissionState.AwaitingReview);
        var reviewer = agency.ReviewerEmails[0];
        var auditBefore = (await fixture.GetSubmissionViewAsync(v1.Id, reviewer)).Audit;
        var outboxBefore = await fixture.OutboxAsync(new ReportKey(agency.Id, 2021));
        using var browser = await SignedInBrowserAsync(reviewer);
        var url = $"{fixture.ApiUrl}/api/submissions/{v1.Id}/return";
        const string body = """{"comments":"请重新提交"}""";

        foreach (var origin in new[] { Evil, null })
        {
            using var forged = await browser.SendAsync(Post(url, TextPlainJson(body), origin));

            var problem = await AssertProblemAsync(forged, HttpStatusCode.Forbidden);
            Assert.Equal("请求来源无法验证", problem.GetProperty("title").GetString());
            Assert.Contains(origin is null ? "Cookie" : Evil, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(SubmissionState.AwaitingReview, (await fixture.Submissions.GetAsync(v1.Id))!.CurrentState);
        Assert.Equal(auditBefore, (await fixture.GetSubmissionViewAsync(v1.Id, reviewer)).Audit);
        Assert.Equal(outboxBefore.Count, (await fixture.OutboxAsync(new ReportKey(agency.Id, 2021))).Count);

        // The same request from this site's own page is the reviewer's to make: it was refused for its origin alone.
        using var own = await browser.SendAsync(Post(url, TextPlainJson(body), fixture.ApiUrl));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(SubmissionState.NeedsChanges, (await fixture.Submissions.GetAsync(v1.Id))!.CurrentState);
    }

    [Fact]
    public async Task The_status_pages_own_form_still_approves_with_the_cookie()
    {
        var (agency, v1, browser, statusUrl, form, action) = await AwaitingReviewWithApproveFormAsync();
        using var _ = browser;

        // What Chromium sends for the form: urlencoded fields, Origin and Referer naming this host.
        var fields = form.QuerySelectorAll("input[name], textarea[name]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        using var forged = await browser.SendAsync(Post(action, new FormUrlEncodedContent(fields), Evil));
        await AssertProblemAsync(forged, HttpStatusCode.Forbidden);
        Assert.Equal(SubmissionState.AwaitingReview, (await fixture.Submissions.GetAsync(v1.Id))!.CurrentState);

        var submit = Post(action, new FormUrlEncodedContent(fields), fixture.ApiUrl);
        submit.Headers.Referrer = new Uri(statusUrl);
        using var approved = await browser.SendAsync(submit);
        Assert.Equal(HttpStatusCode.SeeOther, approved.StatusCode);
        Assert.Equal(statusUrl, approved.Headers.Location?.ToString());
        await fixture.WaitForStateAsync(v1.Id, SubmissionState.Published, SubmissionState.Approved);
    }

    [Fact]
    public async Task The_approve_form_schedules_publication_at_the_Beijing_time_the_reviewer_enters()
    {
        var (agency, v1, browser, statusUrl, form, action) = await AwaitingReviewWithApproveFormAsync();
        using var _ = browser;

        // What Chromium sends when the reviewer types 2027-01-20 09:00 into the datetime-local field and a comment.
        var scheduled = DateTimeOffset.UtcNow.AddDays(30);
        var beijing = scheduled.ToOffset(TimeSpan.FromHours(8));
        var typed = new Dictionary<string, string> { ["publishAt"] = beijing.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), ["comments"] = "请按时发布" };
        var fields = form.QuerySelectorAll("input[name], textarea[name]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, typed.GetValueOrDefault(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")));
        var submit = Post(action, new FormUrlEncodedContent(fields), fixture.ApiUrl);
        submit.Headers.Referrer = new Uri(statusUrl);
        using var approved = await browser.SendAsync(submit);
        Assert.Equal(HttpStatusCode.SeeOther, approved.StatusCode);

        var submission = await fixture.WaitForStateAsync(v1.Id, SubmissionState.Approved);
        var expected = new DateTimeOffset(beijing.Year, beijing.Month, beijing.Day, beijing.Hour, beijing.Minute, 0, TimeSpan.FromHours(8));
        Assert.Equal(expected, submission.PublishAt);
        Assert.Equal("请按时发布", submission.Comments);
        var view = await fixture.GetSubmissionViewAsync(v1.Id, agency.ReviewerEmails[0]);
        Assert.Contains(view.Audit, a => a.Reason.Contains($"定于 {beijing.Year}年{beijing.Month}月{beijing.Day}日 {beijing:HH:mm} 发布", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_multipart_upload_from_another_site_does_not_publish_over_the_live_report()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: true);
        var live = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name, note: "（正式发布稿）"));
        await fixture.WaitForStateAsync(live.Id, SubmissionState.Published);
        var pageUrl = $"{fixture.SiteUrl}/reports/2021/{agency.Id}/";
        var livePage = await fixture.Http.GetStringAsync(pageUrl);
        Assert.Contains("（正式发布稿）", livePage, StringComparison.Ordinal);
        using var browser = await SignedInBrowserAsync(agency.SubmitterEmails[0]);

        MultipartFormDataContent Upload(string note)
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(TestDrafts.Docx2021(agency.Name, note: note));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            form.Add(file, "file", "年报.docx");
            form.Add(new StringContent(agency.Id), "agency");
            form.Add(new StringContent("2021"), "year");
            return form;
        }

        using (var forged = await browser.SendAsync(Post($"{fixture.ApiUrl}/api/drafts", Upload("（冒名篡改稿）"), Evil)))
        {
            var problem = await AssertProblemAsync(forged, HttpStatusCode.Forbidden);
            Assert.Contains(Evil, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // No version was recorded and no draft kept, so nothing is on its way to the site.
        Assert.Equal([live.Id], (await fixture.Submissions.ListForAgencyAsync(agency.Id)).Select(s => s.Id));
        var drafts = new List<string>();
        await foreach (var blob in fixture.Storage.Drafts.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, agency.Id + "/", CancellationToken.None))
        {
            drafts.Add(blob.Name);
        }

        Assert.Single(drafts);
        Assert.Equal(livePage, await fixture.Http.GetStringAsync(pageUrl));

        // From the upload page of this site the same upload is the submitter's to make, and goes live.
        using var own = await browser.SendAsync(Post($"{fixture.ApiUrl}/api/drafts", Upload("（第二稿）"), fixture.ApiUrl));
        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
        var accepted = (await own.Content.ReadFromJsonAsync<PublishPipeline.Api.SubmissionAccepted>(JsonSerializerOptions.Web))!;
        await fixture.WaitForStateAsync(accepted.Id, SubmissionState.Published);
        Assert.Contains("（第二稿）", await fixture.Http.GetStringAsync(pageUrl), StringComparison.Ordinal);
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("title").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detail").GetString());
        return problem;
    }
}
