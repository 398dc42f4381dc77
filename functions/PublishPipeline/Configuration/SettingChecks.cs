using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace PublishPipeline.Configuration;

/// <summary>
/// The checks that the options validators share. Every message names the setting as an operator writes it in app
/// settings (<c>Pipeline__SiteBaseUrl</c>), not as code reads it (<c>Pipeline:SiteBaseUrl</c>), and is in English:
/// it is read in the host's log by whoever deploys the app.
/// </summary>
public static class SettingChecks
{
    /// <summary>The validation result of a list of checks, each a problem or null when fine.</summary>
    public static ValidateOptionsResult Result(IEnumerable<string?> problems)
    {
        var failures = problems.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The app-setting name of a property of an options section: <c>Pipeline__SiteBaseUrl</c>.</summary>
    public static string Name(string section, string property) => $"{section}__{property}";

    /// <summary>An absolute http(s) URL, or a message saying what is wrong; <c>null</c> when it is fine.</summary>
    public static string? RequiredAbsoluteUrl(string? value, string setting, string purpose)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{setting} is not set: {purpose}. Set it to an absolute http(s) URL.";
        }

        return AbsoluteUrlProblem(value, setting);
    }

    /// <summary>Like <see cref="RequiredAbsoluteUrl"/> for a setting that may be left out.</summary>
    public static string? OptionalAbsoluteUrl(string? value, string setting) =>
        string.IsNullOrWhiteSpace(value) ? null : AbsoluteUrlProblem(value, setting);

    /// <summary>One bare address (no display name), or a message; <c>null</c> when it is fine.</summary>
    public static string? EmailAddress(string? value, string setting, string purpose)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{setting} is not set: {purpose}.";
        }

        return IsBareAddress(value.Trim()) ? null : $"{setting} '{value}' is not an email address such as noreply@example.gov.cn.";
    }

    /// <summary>';'-separated addresses (',' accepted too), each bare; blank is fine. Messages name the bad entries.</summary>
    public static string? EmailList(string? value, string setting)
    {
        var bad = (value ?? "")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(address => !IsBareAddress(address))
            .ToList();
        return bad.Count == 0 ? null : $"{setting} has entries that are not email addresses: {string.Join(", ", bad.Select(b => $"'{b}'"))}.";
    }

    private static string? AbsoluteUrlProblem(string value, string setting) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0
            ? null
            : $"{setting} '{value}' is not an absolute http(s) URL (such as https://reports.example.gov.cn).";

    private static bool IsBareAddress(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && string.IsNullOrEmpty(address.DisplayName);
}
