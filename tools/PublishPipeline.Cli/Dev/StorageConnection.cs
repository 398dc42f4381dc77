namespace PublishPipeline.Cli.Dev;

/// <summary>Storage connection strings as they may be printed.</summary>
internal static class StorageConnection
{
    /// <summary>The connection string with its key or SAS token replaced by <c>***</c>: endpoints and account stay readable.</summary>
    public static string WithoutSecrets(string connectionString) =>
        string.Join(';', connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
            part.Split('=', 2) is [var key, _] && (key.Trim().Equals("AccountKey", StringComparison.OrdinalIgnoreCase) || key.Trim().Equals("SharedAccessSignature", StringComparison.OrdinalIgnoreCase))
                ? key + "=***"
                : part));
}
