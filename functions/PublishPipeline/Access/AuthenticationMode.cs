namespace PublishPipeline.Access;

/// <summary>Where the caller's identity comes from (setting <c>Pipeline:Authentication</c>).</summary>
public enum AuthenticationMode
{
    /// <summary>
    /// Azure: App Service authentication (Entra ID) signs the caller in and passes the principal in
    /// <c>X-MS-CLIENT-PRINCIPAL</c>; the platform strips that header from incoming requests, so it cannot be forged.
    /// Any <c>X-Dev-User</c> header is ignored.
    /// </summary>
    AppService,

    /// <summary>The local dev host: the caller says who they are in <c>X-Dev-User: email</c>. Never in Azure.</summary>
    DevHeader,
}
