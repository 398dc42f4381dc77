using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Api;
using PublishPipeline.Pipeline;
using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Pipeline.Outbox;
using PublishPipeline.Storage;

namespace PublishPipeline.Hosting;

/// <summary>
/// Every function of the app, declared once: the names, routes, queues, blob path and timer schedules below are the
/// constants the Functions app's attributes use, and <see cref="All"/> is the table the local host (<c>pubpipe dev</c>)
/// binds in a loop. A test compares the Functions app's generated <c>functions.metadata</c> with what the local host
/// maps, both ways.
/// </summary>
/// <remarks>
/// To add a function: add its name constant and its entry in <see cref="All"/> here (a timer also needs its schedule
/// constant, the setting in <c>local.settings.sample.json</c> and the Bicep app settings), then one thin class in
/// PublishPipeline.Functions whose attribute uses these constants and whose body calls
/// <see cref="Http"/>/<see cref="Queue"/>/<see cref="Blob"/>/<see cref="Timer"/>. The local host needs no change.
/// </remarks>
public static class PipelineFunctions
{
    public const string Get = "get";
    public const string Post = "post";

    // Function names.
    public const string SubmitDraft = nameof(SubmitDraft);
    public const string GetSubmission = nameof(GetSubmission);
    public const string PreviewSubmission = nameof(PreviewSubmission);
    public const string ListAgencySubmissions = nameof(ListAgencySubmissions);
    public const string GetAgencyTemplate = nameof(GetAgencyTemplate);
    public const string ApproveSubmission = nameof(ApproveSubmission);
    public const string ReturnSubmission = nameof(ReturnSubmission);
    public const string WithdrawSubmission = nameof(WithdrawSubmission);
    public const string PublishSubmission = nameof(PublishSubmission);
    public const string ListSupervisedRegions = nameof(ListSupervisedRegions);
    public const string GetRegionBoard = nameof(GetRegionBoard);
    public const string ReceiveEmailEvents = nameof(ReceiveEmailEvents);
    public const string OnDraftUploaded = nameof(OnDraftUploaded);
    public const string PublishReport = nameof(PublishReport);
    public const string RebuildSite = nameof(RebuildSite);
    public const string SendNotice = nameof(SendNotice);
    public const string OnPublishPoison = nameof(OnPublishPoison);
    public const string OnNoticePoison = nameof(OnNoticePoison);
    public const string OnIngestPoison = nameof(OnIngestPoison);
    public const string ReconcileDrafts = nameof(ReconcileDrafts);
    public const string DispatchOutbox = nameof(DispatchOutbox);
    public const string RemindDeadlines = nameof(RemindDeadlines);
    public const string IndexSiteSearch = nameof(IndexSiteSearch);

    // Timer schedules: app settings, so operators change them without a deployment.
    public const string ReconcileSchedule = "%ReconcileSchedule%";
    public const string OutboxSchedule = "%OutboxSchedule%";
    public const string DeadlineSchedule = "%DeadlineSchedule%";
    public const string SearchSchedule = "%SearchSchedule%";

    public static IReadOnlyList<PipelineFunction> All { get; } =
    [
        new HttpFunction(SubmitDraft, Post, DraftsApi.Route, (sp, request, _, ct) => sp.GetRequiredService<DraftsApi>().SubmitAsync(request, ct)),
        new HttpFunction(GetSubmission, Get, SubmissionsApi.Route, (sp, request, id, ct) => sp.GetRequiredService<SubmissionsApi>().GetAsync(request, id!, ct)),
        new HttpFunction(PreviewSubmission, Get, SubmissionsApi.PreviewRoute, (sp, request, id, ct) => sp.GetRequiredService<SubmissionsApi>().PreviewAsync(request, id!, ct)),
        new HttpFunction(ListAgencySubmissions, Get, SubmissionsApi.AgencyRoute, (sp, request, id, ct) => sp.GetRequiredService<SubmissionsApi>().ListForAgencyAsync(request, id!, ct)),
        new HttpFunction(GetAgencyTemplate, Get, TemplatesApi.Route, (sp, request, id, ct) => sp.GetRequiredService<TemplatesApi>().GetAsync(request, id!, ct)),
        new HttpFunction(ApproveSubmission, Post, ReviewApi.ApproveRoute, (sp, request, id, ct) => sp.GetRequiredService<ReviewApi>().ApproveAsync(request, id!, ct)),
        new HttpFunction(ReturnSubmission, Post, ReviewApi.ReturnRoute, (sp, request, id, ct) => sp.GetRequiredService<ReviewApi>().ReturnAsync(request, id!, ct)),
        new HttpFunction(WithdrawSubmission, Post, ReviewApi.WithdrawRoute, (sp, request, id, ct) => sp.GetRequiredService<ReviewApi>().WithdrawAsync(request, id!, ct)),
        new HttpFunction(PublishSubmission, Post, ReviewApi.PublishRoute, (sp, request, id, ct) => sp.GetRequiredService<ReviewApi>().PublishAsync(request, id!, ct)),
        new HttpFunction(ListSupervisedRegions, Get, RegionsApi.ListRoute, (sp, request, _, ct) => sp.GetRequiredService<RegionsApi>().ListAsync(request, ct)),
        new HttpFunction(GetRegionBoard, Get, RegionsApi.BoardRoute, (sp, request, id, ct) => sp.GetRequiredService<RegionsApi>().GetBoardAsync(request, id!, ct)),

        // SendGrid's Signed Event Webhook: authenticated by its ECDSA signature alone, not by a user's cookie.
        new HttpFunction(ReceiveEmailEvents, Post, EmailEventsApi.Route, (sp, request, _, ct) => sp.GetRequiredService<EmailEventsApi>().ReceiveAsync(request, ct), CallerOrigin.SignedSender),

        new BlobFunction(OnDraftUploaded, StorageNames.DraftBlobPath, (sp, blobName, ct) => sp.GetRequiredService<IngestHandler>().HandleAsync(blobName, ct)),

        new QueueFunction(PublishReport, StorageNames.PublishQueue, (sp, message, ct) => sp.GetRequiredService<PublishHandler>().HandleAsync(MessageQueue.Parse<PublishMessage>(message), ct)),
        new QueueFunction(RebuildSite, StorageNames.SiteQueue, (sp, message, ct) => sp.GetRequiredService<SiteHandler>().HandleAsync(MessageQueue.Parse<SiteMessage>(message), ct)),
        new QueueFunction(SendNotice, StorageNames.NoticesQueue, (sp, message, ct) => sp.GetRequiredService<NoticeHandler>().HandleAsync(MessageQueue.Parse<NoticeMessage>(message), ct)),
        new QueueFunction(OnPublishPoison, StorageNames.PublishPoisonQueue, (sp, message, ct) => sp.GetRequiredService<PoisonHandler>().HandlePublishAsync(message, ct)),
        new QueueFunction(OnNoticePoison, StorageNames.NoticesPoisonQueue, (sp, message, ct) => sp.GetRequiredService<PoisonHandler>().HandleNoticeAsync(message, ct)),
        new QueueFunction(OnIngestPoison, StorageNames.BlobTriggerPoisonQueue, (sp, message, ct) => sp.GetRequiredService<PoisonHandler>().HandleBlobAsync(message, ct)),

        // Locally the sweeper runs often: the polling blob trigger can miss blobs that share a last-modified second.
        new TimerFunction(ReconcileDrafts, ReconcileSchedule, "*/5 * * * * *", ReconcileAsync),

        // Sends what a crash left in a report's outbox after its state change committed (normally sent right after).
        new TimerFunction(DispatchOutbox, OutboxSchedule, "*/10 * * * * *", (sp, ct) => sp.GetRequiredService<OutboxDispatcher>().SweepAsync(OutboxDispatcher.SweepGrace, ct)),

        // Locally on demand only (POST /_dev/deadlines?date=…): a daily job would mail reminders and digests into a
        // local run, or a test run, at whatever hour it happens to be 01:00 UTC.
        new TimerFunction(RemindDeadlines, DeadlineSchedule, null, (sp, ct) => sp.GetRequiredService<DeadlineHandler>().RunAsync(cancellationToken: ct)),

        // Locally every few seconds, so search follows a local run's publications once they settle.
        new TimerFunction(IndexSiteSearch, SearchSchedule, "*/3 * * * * *", (sp, ct) => sp.GetRequiredService<SearchIndexJob>().RunAsync(force: false, ct)),
    ];

    /// <summary>
    /// The reconcile timer: ingests drafts whose blob event was missed, then asks again for publications a dead host
    /// left unfinished. One failing sweep does not keep the other from running.
    /// </summary>
    private static async Task ReconcileAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        Exception? drafts = null;
        try
        {
            await services.GetRequiredService<DraftSweeper>().SweepAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            drafts = e;
        }

        await services.GetRequiredService<PublicationSweeper>().SweepAsync(cancellationToken);
        if (drafts is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(drafts);
        }
    }

    public static HttpFunction Http(string name) => Find<HttpFunction>(name);

    public static QueueFunction Queue(string name) => Find<QueueFunction>(name);

    public static BlobFunction Blob(string name) => Find<BlobFunction>(name);

    public static TimerFunction Timer(string name) => Find<TimerFunction>(name);

    private static T Find<T>(string name)
        where T : PipelineFunction =>
        All.OfType<T>().SingleOrDefault(f => f.Name == name)
        ?? throw new InvalidOperationException($"{name} is not a {typeof(T).Name} in {nameof(PipelineFunctions)}.{nameof(All)}");
}
