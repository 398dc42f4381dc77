using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PublishPipeline.Api;
using PublishPipeline.Checking;
using PublishPipeline.Notices;
using PublishPipeline.Pipeline;
using PublishPipeline.Pipeline.Alerts;
using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Reading;
using PublishPipeline.Site;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;
using PublishPipeline.Validation;

namespace PublishPipeline;

/// <summary>Wires the whole pipeline; both hosts (the Functions app and <c>pubpipe dev</c>) call this one method.</summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddPublishPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        // Every settings class is checked when the host starts (ValidateOnStart): a missing or malformed app setting
        // stops the app with the setting's name, rather than failing later inside a message or an email.
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>());
        services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NoticeOptions>, NoticeOptionsValidator>());
        services.AddDeadlineOptions();
        services.TryAddSingleton(TimeProvider.System);

        var storage = ReadStorageOptions(configuration);
        services.AddAzureClients(clients =>
        {
            if (storage.UsesConnectionString)
            {
                clients.AddBlobServiceClient(storage.ConnectionString);
                clients.AddQueueServiceClient(storage.ConnectionString).ConfigureOptions(o => o.MessageEncoding = QueueMessageEncoding.Base64);
                clients.AddTableServiceClient(storage.ConnectionString);
            }
            else
            {
                clients.UseCredential(Credential(storage));
                clients.AddBlobServiceClient(Required(storage.BlobServiceUri, "blobServiceUri"));
                clients.AddQueueServiceClient(Required(storage.QueueServiceUri, "queueServiceUri")).ConfigureOptions(o => o.MessageEncoding = QueueMessageEncoding.Base64);
                clients.AddTableServiceClient(Required(storage.TableServiceUri, "tableServiceUri"));
            }
        });

        services.AddSingleton(sp => new PipelineStorage(
            sp.GetRequiredService<BlobServiceClient>(),
            sp.GetRequiredService<QueueServiceClient>(),
            sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<SubmissionStore>();
        services.TryAddSingleton<PipelineMetrics>();
        services.AddTransient<Pipeline.Outbox.OutboxDispatcher>();
        services.AddTransient<SubmissionTransitions>();
        services.AddSingleton<AgencyDirectory>();
        services.AddSingleton<RegionDirectory>();
        services.AddSingleton<MessageQueue>();
        services.AddSingleton<ValidationInputsFactory>();
        services.AddTransient<NextYearTemplates>();
        // Explicit factories: ReportValidator also has a rules constructor, which DI would satisfy with no rules.
        // The reader's own cap (and the Word and PDF readers' file caps) follow Pipeline__MaxDraftBytes, so the API,
        // ingest and the reader refuse the same files.
        services.AddSingleton(sp => DraftReaderFor(sp.GetRequiredService<IOptions<PipelineOptions>>().Value.MaxDraftBytes));
        services.AddSingleton(_ => new ReportValidator());
        services.AddSingleton(sp => new DraftChecker(sp.GetRequiredService<DraftReader>(), sp.GetRequiredService<ReportValidator>()));
        services.AddSingleton<SiteRenderer>();
        services.AddSingleton(sp => new SitePages(sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        services.AddSingleton<Site.Live.LiveSiteWriter>();
        // The live site's absolute URLs (feed, sitemaps) come from the same owner as the links in emails.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PipelineOptions>>().Value.Urls());
        services.AddSingleton<Site.Live.LiveSitePublisher>();
        services.AddTransient<SearchIndexJob>();
        services.AddTransient<SiteHandler>();
        services.AddTransient<RegionRollups>();
        services.AddTransient<RollupJob>();
        services.AddSingleton<EmailComposer>();
        services.AddHttpClient<EmailSender>().AddStandardResilienceHandler(EmailResilience.Configure);
        services.AddTransient<EmailEventsApi>();
        services.AddTransient<IngestHandler>();
        services.AddTransient<DraftSweeper>();
        services.AddSingleton<PublicationSweeper>();
        services.AddTransient<PublishHandler>();
        services.AddTransient<NoticeHandler>();
        services.AddTransient<PoisonHandler>();
        services.AddTransient<DeadlineHandler>();
        services.AddTransient<Pipeline.Supervision.RegionBoards>();
        services.AddTransient<FailureRecovery>();
        services.AddTransient<AlertRecorder>();
        services.AddTransient<ReviewWorkflow>();
        services.AddSingleton<CallerResolver>();
        services.AddTransient<DraftsApi>();
        services.AddTransient<SubmissionsApi>();
        services.AddTransient<ReviewApi>();
        services.AddTransient<TemplatesApi>();
        services.AddTransient<RegionsApi>();
        return services;
    }

    /// <summary>A reader whose size caps are all <paramref name="maxDraftBytes"/>.</summary>
    public static DraftReader DraftReaderFor(long maxDraftBytes) =>
        new(
            new DraftReaderOptions { MaxBytes = maxDraftBytes },
            Reading.Docx.DocxReadLimits.Default with { MaxFileBytes = maxDraftBytes },
            Reading.Pdf.PdfReadLimits.Default with { MaxFileBytes = maxDraftBytes });

    /// <summary>
    /// Reads <c>AzureWebJobsStorage</c> the way the Functions host does: a connection string, or (identity-based)
    /// <c>AzureWebJobsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c> and
    /// optionally <c>__clientId</c>.
    /// </summary>
    public static StorageOptions ReadStorageOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageNames.ConnectionSetting);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new StorageOptions { ConnectionString = section.Value };
        }

        var options = new StorageOptions();
        section.Bind(options);
        if (options.BlobServiceUri is null && options.QueueServiceUri is null && options.TableServiceUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {StorageNames.ConnectionSetting} to a connection string, or " +
                $"{StorageNames.ConnectionSetting}__blobServiceUri, __queueServiceUri and __tableServiceUri for a managed identity.");
        }

        return options;
    }

    private static TokenCredential Credential(StorageOptions storage) =>
        string.IsNullOrWhiteSpace(storage.ClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(storage.ClientId));

    private static Uri Required(Uri? uri, string name) =>
        uri ?? throw new InvalidOperationException($"{StorageNames.ConnectionSetting}__{name} is not set");
}
