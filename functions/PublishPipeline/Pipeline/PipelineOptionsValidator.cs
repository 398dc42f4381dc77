using Microsoft.Extensions.Options;
using PublishPipeline.Access;
using PublishPipeline.Configuration;

namespace PublishPipeline.Pipeline;

/// <summary>
/// Checks <see cref="PipelineOptions"/> when the host starts (<c>ValidateOnStart</c>), so a missing or malformed app
/// setting stops the app with its name instead of surfacing later as a localhost link in an email or a failed upload.
/// </summary>
public sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
    /// <summary>
    /// Azure Functions refuses HTTP requests over 100 MB (104,857,600 bytes) before the app sees them, so a larger cap
    /// would only look configurable.
    /// </summary>
    public const long MaxDraftBytesLimit = 100L * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SettingChecks.Result(Problems(options));
    }

    private static IEnumerable<string?> Problems(PipelineOptions options)
    {
        static string Name(string property) => SettingChecks.Name(PipelineOptions.Section, property);

        yield return SettingChecks.RequiredAbsoluteUrl(
            options.SiteBaseUrl, Name(nameof(PipelineOptions.SiteBaseUrl)), "the public site's base URL, for report links in emails");
        yield return SettingChecks.RequiredAbsoluteUrl(
            options.ApiBaseUrl, Name(nameof(PipelineOptions.ApiBaseUrl)), "the HTTP API's base URL, for status and preview links in emails");
        if (options.MaxDraftBytes is < 1 or > MaxDraftBytesLimit)
        {
            yield return $"{Name(nameof(PipelineOptions.MaxDraftBytes))} is {options.MaxDraftBytes}: it must be between 1 and {MaxDraftBytesLimit} bytes (the Functions HTTP request limit).";
        }

        if (!Enum.IsDefined(options.Authentication))
        {
            yield return $"{Name(nameof(PipelineOptions.Authentication))} must be {string.Join(" or ", Enum.GetNames<AuthenticationMode>())}.";
        }

        yield return SettingChecks.EmailList(options.OperatorEmails, Name(nameof(PipelineOptions.OperatorEmails)));
        yield return Positive(options.SweepLookBack, nameof(PipelineOptions.SweepLookBack));
        yield return NotNegative(options.SweepGrace, nameof(PipelineOptions.SweepGrace));
        yield return Positive(options.SearchQuietPeriod, nameof(PipelineOptions.SearchQuietPeriod));
        yield return Positive(options.SearchMaxDelay, nameof(PipelineOptions.SearchMaxDelay));
        if (options.SearchMaxDelay > TimeSpan.Zero && options.SearchMaxDelay < options.SearchQuietPeriod)
        {
            yield return $"{Name(nameof(PipelineOptions.SearchMaxDelay))} ({options.SearchMaxDelay}) is shorter than {Name(nameof(PipelineOptions.SearchQuietPeriod))} ({options.SearchQuietPeriod}): the quiet period would never be waited for.";
        }

        static string? Positive(TimeSpan value, string property) =>
            value > TimeSpan.Zero ? null : $"{Name(property)} is {value}: it must be a positive time span such as 00:02:00.";

        static string? NotNegative(TimeSpan value, string property) =>
            value >= TimeSpan.Zero ? null : $"{Name(property)} is {value}: it must not be negative.";
    }
}
