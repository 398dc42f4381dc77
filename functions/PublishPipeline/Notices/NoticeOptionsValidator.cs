using Microsoft.Extensions.Options;
using PublishPipeline.Configuration;

namespace PublishPipeline.Notices;

/// <summary>
/// Checks <see cref="NoticeOptions"/> when the host starts: without a sender and a key every notice would fail at
/// SendGrid, one retry after another, long after the deployment looked fine.
/// </summary>
public sealed class NoticeOptionsValidator : IValidateOptions<NoticeOptions>
{
    /// <summary>What App Service leaves in an app setting whose Key Vault reference it could not resolve.</summary>
    private const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    public ValidateOptionsResult Validate(string? name, NoticeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SettingChecks.Result(Problems(options));
    }

    private static IEnumerable<string?> Problems(NoticeOptions options)
    {
        static string Name(string property) => SettingChecks.Name(NoticeOptions.Section, property);

        yield return SettingChecks.EmailAddress(options.FromEmail, Name(nameof(NoticeOptions.FromEmail)), "the sender of every notice, a sender verified in SendGrid");
        var key = Name(nameof(NoticeOptions.SendGridApiKey));
        if (string.IsNullOrWhiteSpace(options.SendGridApiKey))
        {
            yield return $"{key} is not set: the SendGrid API key (in Azure, a Key Vault reference to the secret SendGridApiKey).";
        }
        else if (options.SendGridApiKey.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase))
        {
            // The platform passes the reference through unchanged when the secret is missing or the identity cannot read it.
            yield return $"{key} is an unresolved Key Vault reference: write the secret (az keyvault secret set … --name SendGridApiKey) and check that the app's identity may read it, then restart the app.";
        }

        yield return SettingChecks.OptionalAbsoluteUrl(options.SendGridHost, Name(nameof(NoticeOptions.SendGridHost)));
        if (!string.IsNullOrWhiteSpace(options.EventWebhookPublicKey) && EventWebhookSignature.TryParseKey(options.EventWebhookPublicKey) is null)
        {
            yield return $"{Name(nameof(NoticeOptions.EventWebhookPublicKey))} is not a P-256 public key: paste the verification key SendGrid shows under Mail Settings → Event Webhook (base64, no PEM header), or leave it unset to turn the endpoint off.";
        }
    }
}
