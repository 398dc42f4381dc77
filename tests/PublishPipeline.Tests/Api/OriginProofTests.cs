using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PublishPipeline.Api;
using PublishPipeline.Hosting;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Tests.Api;

/// <summary>
/// The origin rule for state-changing requests: a page on another site cannot use the browser's sign-in cookie,
/// whatever content type it sends; programs and this site's own pages are not hindered.
/// </summary>
public sealed class OriginProofTests
{
    private const string Host = "api.publish.example";
    private const string Api = "https://" + Host;
    private const string Cookie = "pubpipe_dev_user=reviewer@office.example";

    private static HttpRequest Request(string method = "POST", string? origin = null, string? referer = null, string? cookie = Cookie, string? contentType = "text/plain", params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = method;
        request.Scheme = "https";
        request.Host = new HostString(Host);
        request.Path = "/api/submissions/x/approve";
        if (origin is not null)
        {
            request.Headers.Origin = origin;
        }

        if (referer is not null)
        {
            request.Headers.Referer = referer;
        }

        if (cookie is not null)
        {
            request.Headers.Cookie = cookie;
        }

        if (contentType is not null)
        {
            request.ContentType = contentType;
        }

        foreach (var (name, value) in headers)
        {
            request.Headers[name] = value;
        }

        return request;
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public void Reading_needs_no_proof(string method) =>
        Assert.Null(OriginProof.Check(Request(method, origin: "http://evil.example"), Api));

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public void Every_state_changing_method_from_another_site_is_refused(string method) =>
        Assert.Contains("http://evil.example", OriginProof.Check(Request(method, origin: "http://evil.example"), Api));

    [Theory]
    [InlineData("https://api.publish.example")]
    [InlineData("https://API.Publish.Example")]
    [InlineData("https://api.publish.example:443")]
    public void An_origin_naming_this_host_is_accepted(string origin) =>
        Assert.Null(OriginProof.Check(Request(origin: origin), apiBaseUrl: null));

    [Fact]
    public void An_origin_naming_the_configured_api_is_accepted_behind_a_proxy_that_renames_the_host()
    {
        var request = Request(origin: "https://reports.gov.example");
        request.Host = new HostString("func-publishpipeline.azurewebsites.net");

        Assert.Null(OriginProof.Check(request, "https://reports.gov.example/"));
        Assert.NotNull(OriginProof.Check(request, Api));
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("null")]
    [InlineData("http://api.publish.example")]
    [InlineData("https://api.publish.example:8443")]
    [InlineData("https://api.publish.example.evil.example")]
    [InlineData("https://evil.example/https://api.publish.example")]
    [InlineData("file://")]
    public void Any_other_origin_is_refused_whatever_the_request_carries(string origin)
    {
        // Even with a credential a page cannot forge: no page of another site is a client of this API.
        Assert.NotNull(OriginProof.Check(Request(origin: origin), Api));
        Assert.NotNull(OriginProof.Check(Request(origin: origin, contentType: "application/json"), Api));
        Assert.NotNull(OriginProof.Check(Request(origin: origin, cookie: null, headers: ("X-Dev-User", "reviewer@office.example")), Api));
    }

    [Fact]
    public void Without_an_origin_a_referer_on_this_host_is_accepted_and_one_elsewhere_refused()
    {
        Assert.Null(OriginProof.Check(Request(referer: Api + "/api/submissions/x"), Api));
        var refusal = OriginProof.Check(Request(referer: "http://evil.example/attack.html?x=1"), Api);
        Assert.Contains("Referer: http://evil.example", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("attack.html", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("TEXT/PLAIN")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    [InlineData("not a media type")]
    public void A_cookie_with_a_body_any_page_can_send_and_no_origin_is_refused(string? contentType)
    {
        var refusal = OriginProof.Check(Request(contentType: contentType), Api);

        Assert.NotNull(refusal);
        Assert.Contains("Cookie", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/merge-patch+json")]
    public void A_cookie_with_a_content_type_that_needs_a_preflight_is_accepted(string contentType) =>
        Assert.Null(OriginProof.Check(Request(contentType: contentType), Api));

    [Theory]
    [InlineData("X-Dev-User", "reviewer@office.example")]
    [InlineData("Authorization", "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.e30.sig")]
    [InlineData("x-functions-key", "key")]
    public void A_cookie_with_a_header_a_page_cannot_send_without_a_preflight_is_accepted(string name, string value) =>
        Assert.Null(OriginProof.Check(Request(headers: (name, value)), Api));

    [Fact]
    public void Basic_authentication_proves_nothing_since_browsers_send_it_by_themselves() =>
        Assert.NotNull(OriginProof.Check(Request(headers: ("Authorization", "Basic dTpw")), Api));

    [Theory]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public void Without_a_cookie_there_is_no_credential_a_page_could_borrow(string? contentType) =>
        Assert.Null(OriginProof.Check(Request(cookie: null, contentType: contentType), Api));

    [Fact]
    public void The_refusal_is_a_403_problem_in_Chinese()
    {
        var result = OriginProof.Refusal(Request(origin: "http://evil.example"), Api);

        var problem = Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status403Forbidden, problem.StatusCode);
        Assert.Equal("请求来源无法验证", problem.ProblemDetails.Title);
        Assert.Contains("其他网站", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_state_changing_route_of_the_catalogue_refuses_a_forged_request_before_its_handler_runs()
    {
        // Only the options: a handler that ran would fail to resolve its API class instead of answering 403.
        var services = new ServiceCollection().AddSingleton(Options.Create(new PipelineOptions { ApiBaseUrl = Api })).BuildServiceProvider();
        var changing = PipelineFunctions.All.OfType<HttpFunction>().Where(f => OriginProof.ChangesState(f.Method)).ToList();
        Assert.Contains(changing, f => f.Name == PipelineFunctions.SubmitDraft);
        Assert.Contains(changing, f => f.Name == PipelineFunctions.PublishSubmission);

        foreach (var function in changing.Where(f => f.Origin == CallerOrigin.ThisSite))
        {
            var context = new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
            context.Request.Method = function.Method.ToUpperInvariant();
            context.Request.Scheme = "https";
            context.Request.Host = new HostString(Host);
            context.Request.Headers.Cookie = Cookie;
            context.Request.Headers.Origin = "http://evil.example";
            context.Request.ContentType = "multipart/form-data; boundary=x";

            var result = await function.InvokeAsync(services, context.Request, "some-id", CancellationToken.None);

            var problem = Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>(result);
            Assert.True(problem.StatusCode == StatusCodes.Status403Forbidden, $"{function.Name}: {problem.StatusCode}");
        }
    }

    [Fact]
    public void The_routes_people_act_on_with_a_cookie_never_opt_out() =>
        Assert.All(
            PipelineFunctions.All.OfType<HttpFunction>().Where(f => f.Name is PipelineFunctions.SubmitDraft or PipelineFunctions.ApproveSubmission
                or PipelineFunctions.ReturnSubmission or PipelineFunctions.WithdrawSubmission or PipelineFunctions.PublishSubmission),
            f => Assert.Equal(CallerOrigin.ThisSite, f.Origin));
}
