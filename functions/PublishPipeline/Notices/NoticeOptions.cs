namespace PublishPipeline.Notices;

/// <summary>Email settings (configuration section "Notices"). The API key comes from Key Vault in Azure, never from the repo.</summary>
public sealed class NoticeOptions
{
    public const string Section = "Notices";

    /// <summary>Sender of every notice: a sender verified in SendGrid. Required, no default (SendGrid refuses an unverified one).</summary>
    public string FromEmail { get; set; } = "";

    public string FromName { get; set; } = "政府信息公开年报发布平台";

    /// <summary>Required. In Azure a Key Vault reference, which the platform replaces by the secret.</summary>
    public string SendGridApiKey { get; set; } = "";

    /// <summary>Overrides SendGrid's API host: the local SendGrid-compatible sink in development and tests.</summary>
    public string? SendGridHost { get; set; }

    /// <summary>
    /// The Signed Event Webhook's verification key (SendGrid: Mail Settings → Event Webhook → Signature Verification),
    /// base64 DER as SendGrid shows it. Optional: when unset, <c>POST /api/email-events</c> answers 404 and the status
    /// page shows only what the sending itself knows. Public, not a secret.
    /// </summary>
    public string? EventWebhookPublicKey { get; set; }
}
