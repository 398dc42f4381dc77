namespace PublishPipeline.Notices;

/// <summary>Email settings (configuration section "Notices"). The API key comes from Key Vault in Azure, never from the repo.</summary>
public sealed class NoticeOptions
{
    public const string Section = "Notices";

    public string FromEmail { get; set; } = "noreply@publishpipeline.local";

    public string FromName { get; set; } = "政府信息公开年报发布平台";

    public string SendGridApiKey { get; set; } = "";

    /// <summary>Overrides SendGrid's API host: the local SendGrid-compatible sink in development and tests.</summary>
    public string? SendGridHost { get; set; }
}
