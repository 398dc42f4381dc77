namespace PublishPipeline.Storage;

/// <summary>
/// Every container, queue and table name in one place. The Functions app's trigger attributes and the local
/// WebJobs host use these constants, and a test compares them with the built functions.metadata.
/// </summary>
public static class StorageNames
{
    /// <summary>Uploaded drafts, kept as uploaded: <c>drafts/{agency}/{year}/{file}</c>.</summary>
    public const string DraftsContainer = "drafts";

    /// <summary>The blob trigger path of the ingest stage.</summary>
    public const string DraftBlobPath = DraftsContainer + "/{agency}/{year}/{name}";

    /// <summary>Private: the parsed report and findings (the JSON contract) of each submission.</summary>
    public const string ReportsContainer = "reports";

    /// <summary>The public static website.</summary>
    public const string WebContainer = "$web";

    public const string PublishQueue = "publish";

    public const string NoticesQueue = "notices";

    public const string SubmissionsTable = "submissions";

    public const string AgenciesTable = "agencies";

    public const string NoticesTable = "notices";

    /// <summary>The live site's index: what each index page of <c>$web</c> is derived from (see Site/Live/SiteIndexKeys).</summary>
    public const string SiteIndexTable = "siteindex";

    /// <summary>Site work fanned out over the Functions scale-out: a rebuild's per-agency messages, the search index job.</summary>
    public const string SiteQueue = "site";

    public const string SitePoisonQueue = SiteQueue + "-poison";

    /// <summary>Operator alerts: a stage that failed on every retry, an upload from nobody the directory knows.</summary>
    public const string AlertsTable = "alerts";

    /// <summary>Where the queue triggers put a message that failed on every delivery.</summary>
    public const string PublishPoisonQueue = PublishQueue + "-poison";

    public const string NoticesPoisonQueue = NoticesQueue + "-poison";

    /// <summary>Where the blob trigger (polling or Event Grid) puts a blob whose ingest failed on every retry.</summary>
    public const string BlobTriggerPoisonQueue = "webjobs-blobtrigger-poison";

    /// <summary>One row per ingested draft blob version: how the sweeper knows which blob events were missed.</summary>
    public const string IngestReceiptsTable = "ingestreceipts";

    /// <summary>The storage connection setting shared by triggers and clients (as in every Functions app).</summary>
    public const string ConnectionSetting = "AzureWebJobsStorage";

    public static string ReportBlobName(string submissionId) => submissionId + ".json";
}
