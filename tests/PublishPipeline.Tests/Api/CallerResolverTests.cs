using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PublishPipeline.Access;
using PublishPipeline.Api;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Tests.Api;

/// <summary>Who the caller is comes from exactly one place per host, and a forged header from the other place is ignored.</summary>
public class CallerResolverTests
{
    private static string Principal(params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
            name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        })));

    private static Caller? Resolve(AuthenticationMode mode, Action<HttpRequest> setUp)
    {
        var context = new DefaultHttpContext();
        setUp(context.Request);
        return new CallerResolver(Options.Create(new PipelineOptions { Authentication = mode })).Resolve(context.Request);
    }

    [Fact]
    public void App_Service_principal_gives_the_email_claim_lower_cased()
    {
        var caller = Resolve(AuthenticationMode.AppService, r => r.Headers[CallerResolver.PrincipalHeader] =
            Principal(("name", "张丽"), ("preferred_username", "Zhang.Li@Lanxi.gov.cn"), ("http://schemas.microsoft.com/identity/claims/tenantid", "t")));

        Assert.Equal(new Caller("zhang.li@lanxi.gov.cn", "entra"), caller);
    }

    [Fact]
    public void Email_claim_wins_over_the_user_principal_name()
    {
        var caller = Resolve(AuthenticationMode.AppService, r => r.Headers[CallerResolver.PrincipalHeader] =
            Principal(("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "x123@tenant.onmicrosoft.com"), ("email", "reviewer@zwgk.gov.cn")));

        Assert.Equal("reviewer@zwgk.gov.cn", caller?.Email);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("e30=")] // {}
    [InlineData("W10=")] // []
    [InlineData("eyJjbGFpbXMiOlsxLCJ4IixudWxsXX0=")] // {"claims":[1,"x",null]}
    [InlineData("")]
    public void Malformed_principal_is_nobody(string header) =>
        Assert.Null(Resolve(AuthenticationMode.AppService, r => r.Headers[CallerResolver.PrincipalHeader] = header));

    [Fact]
    public void Principal_without_any_email_like_claim_is_nobody() =>
        Assert.Null(Resolve(AuthenticationMode.AppService, r => r.Headers[CallerResolver.PrincipalHeader] = Principal(("name", "张丽"), ("oid", "5d1c"))));

    [Fact]
    public void In_Azure_the_dev_header_and_cookie_are_ignored()
    {
        Assert.Null(Resolve(AuthenticationMode.AppService, r => r.Headers[CallerResolver.DevUserHeader] = "reviewer@zwgk.gov.cn"));
        Assert.Null(Resolve(AuthenticationMode.AppService, r => r.Headers.Cookie = $"{CallerResolver.DevUserCookie}=reviewer@zwgk.gov.cn"));
    }

    [Fact]
    public void On_the_dev_host_a_principal_header_is_ignored_and_the_dev_header_is_used()
    {
        Assert.Null(Resolve(AuthenticationMode.DevHeader, r => r.Headers[CallerResolver.PrincipalHeader] = Principal(("email", "reviewer@zwgk.gov.cn"))));
        Assert.Equal("a@b.example", Resolve(AuthenticationMode.DevHeader, r => r.Headers[CallerResolver.DevUserHeader] = " A@B.example ")?.Email);
        Assert.Equal("a@b.example", Resolve(AuthenticationMode.DevHeader, r => r.Headers.Cookie = $"{CallerResolver.DevUserCookie}=a@b.example")?.Email);
    }

    [Theory]
    [InlineData("a@b.example;c@d.example")]
    [InlineData("<a@b.example>")]
    [InlineData("a b@c.example")]
    [InlineData("nobody")]
    [InlineData("a@@b.example")]
    public void Anything_but_one_plain_address_is_nobody(string value) =>
        Assert.Null(Resolve(AuthenticationMode.DevHeader, r => r.Headers[CallerResolver.DevUserHeader] = value));

    [Fact]
    public void Default_mode_trusts_only_App_Service() => Assert.Equal(AuthenticationMode.AppService, new PipelineOptions().Authentication);
}
