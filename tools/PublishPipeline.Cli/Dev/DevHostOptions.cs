namespace PublishPipeline.Cli.Dev;

/// <summary>How <c>pubpipe dev</c> runs: ports, where data goes, which storage and which agency directory.</summary>
internal sealed class DevHostOptions
{
    public int ApiPort { get; set; } = 7071;

    public int SitePort { get; set; } = 7080;

    /// <summary>The repository root (for node_modules/azurite); found from the working directory when null.</summary>
    public string? RepoRoot { get; set; }

    /// <summary>Where Azurite's files and received mail are kept; defaults to {repo}/.dev.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>A storage connection string to use instead of the local Azurite (started or reused).</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>An agency directory CSV loaded at start (samples/agencies.csv for the local run).</summary>
    public string? AgenciesCsv { get; set; }

    /// <summary>Extra configuration, as the Functions app would read from its app settings.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>
    /// How long a failed queue message stays hidden before its next delivery; host.json's value when null. Tests
    /// shorten it so a handler that always fails reaches the poison queue in seconds, not minutes.
    /// </summary>
    public TimeSpan? QueueVisibilityTimeout { get; set; }

    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; set; } = Microsoft.Extensions.Logging.LogLevel.Information;
}
