namespace PublishPipeline.Access;

/// <summary>Who is calling the API: a signed-in person, known by the email the directory lists them under.</summary>
public sealed record Caller(string Email, string Source)
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A caller for an address that looks like one email (no lists, no markup), lower-cased; else null.</summary>
    public static Caller? FromEmail(string? value, string source)
    {
        var email = value?.Trim();
        return email is not null && LooksLikeEmail(email) ? new Caller(Normalize(email), source) : null;
    }

    private static bool LooksLikeEmail(string value) =>
        value.Length is > 3 and < 255 && value.IndexOf('@') > 0 && value.IndexOf('@') == value.LastIndexOf('@') && value.IndexOf('@') < value.Length - 1
        && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ';' or ',' or '<' or '>' or '"' or '\'');
}
