namespace PublishPipeline.Storage;

/// <summary>
/// How the pipeline reaches Azure Storage. Either a connection string (Azurite locally:
/// <c>UseDevelopmentStorage=true</c>), or service URIs with a managed identity in Azure — the same shapes the
/// Functions host accepts for <c>AzureWebJobsStorage</c> (<c>AzureWebJobsStorage__blobServiceUri</c> …).
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The setting these options are read from (<see cref="PipelineServiceCollectionExtensions.ReadStorageOptions"/>).</summary>
    public const string Section = StorageNames.ConnectionSetting;

    public string? ConnectionString { get; set; }

    public Uri? BlobServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary>The client id of a user-assigned managed identity, when one is used.</summary>
    public string? ClientId { get; set; }

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);
}
