namespace PublishPipeline.Cli.Dev;

/// <summary>How <c>pubpipe dev</c> runs: ports, where data goes, which storage and which agency directory.</summary>
internal sealed class DevHostOptions
{
    public int ApiPort { get; set; } = 7071;

    public int SitePort { get; set; } = 7080;

    /// <summary>The repository root (for node_modules/azurite); found from the working directory when null.</summary>
    public string? RepoRoot { get; set; }

    /// <summary>Where this run's Azurite keeps its files and the mail sink its mail; defaults to {repo}/.dev.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// A storage to share on purpose (another Azurite, a storage account) instead of this run's own Azurite. Null: the
    /// dev host starts its own Azurite with its own data folder.
    /// </summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>
    /// The blob port of this run's own Azurite (queue and table take the next two); null: Azurite's defaults
    /// (10000-10002) when they are free, else free ports; 0: free ports whatever is free (tests, several runs at once).
    /// </summary>
    public int? AzuriteBlobPort { get; set; }

    /// <summary>Clear the data directory (Azurite's data, the received mail) before starting.</summary>
    public bool Reset { get; set; }

    /// <summary>An agency directory CSV loaded at start (samples/agencies.csv for the local run).</summary>
    public string? AgenciesCsv { get; set; }

    /// <summary>A supervised regions CSV loaded at start (samples/regions.csv for the local run).</summary>
    public string? RegionsCsv { get; set; }

    /// <summary>Extra configuration, as the Functions app would read from its app settings.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>
    /// How long a failed queue message stays hidden before its next delivery; host.json's value when null. Tests
    /// shorten it so a handler that always fails reaches the poison queue in seconds, not minutes.
    /// </summary>
    public TimeSpan? QueueVisibilityTimeout { get; set; }

    /// <summary>Faults the mail sink answers with from the start (<c>--mail-fault 429:30:2</c>), one after another.</summary>
    public List<MailFault> MailFaults { get; } = [];

    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; set; } = Microsoft.Extensions.Logging.LogLevel.Information;
}
