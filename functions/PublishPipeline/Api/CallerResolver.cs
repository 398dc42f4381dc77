using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PublishPipeline.Access;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Api;

/// <summary>Reads the caller from the request as the configured <see cref="AuthenticationMode"/> says, and only so.</summary>
public sealed class CallerResolver(IOptions<PipelineOptions> options)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    public const string DevUserHeader = "X-Dev-User";

    public const string DevUserCookie = "pubpipe_dev_user";

    /// <summary>Claim types that carry a person's email in Entra ID tokens, most specific first.</summary>
    private static readonly string[] EmailClaims =
    [
        "email",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "preferred_username",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
        "upn",
        "name",
    ];

    public Caller? Resolve(HttpRequest request) => options.Value.Authentication switch
    {
        AuthenticationMode.AppService => FromPrincipal(request.Headers[PrincipalHeader].ToString()),
        AuthenticationMode.DevHeader => FromDevUser(request.Headers[DevUserHeader].ToString() is { Length: > 0 } header ? header : request.Cookies[DevUserCookie]),
        _ => null,
    };

    /// <summary>Decodes App Service's principal (Base64 JSON: auth_typ, claims[{typ, val}]) to the caller's email.</summary>
    public static Caller? FromPrincipal(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 64 * 1024)
        {
            return null;
        }

        try
        {
            var json = Convert.FromBase64String(header);
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var claim in claims.EnumerateArray())
            {
                if (claim.ValueKind == JsonValueKind.Object && claim.TryGetProperty("typ", out var type) && claim.TryGetProperty("val", out var value)
                    && type.ValueKind == JsonValueKind.String && value.ValueKind == JsonValueKind.String)
                {
                    values.TryAdd(type.GetString()!, value.GetString()!);
                }
            }

            foreach (var claim in EmailClaims)
            {
                if (values.TryGetValue(claim, out var email) && Caller.FromEmail(email, "entra") is { } caller)
                {
                    return caller;
                }
            }

            return null;
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    public static Caller? FromDevUser(string? value) => Caller.FromEmail(value, "dev");
}
