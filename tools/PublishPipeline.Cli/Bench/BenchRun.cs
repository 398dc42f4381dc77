using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Api;
using PublishPipeline.Cli.Dev;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Bench;

/// <summary>
/// Drives one load run against a started local host: registers the agencies, uploads every draft through
/// <c>POST /api/drafts</c> as the agency's submitter, <paramref name="concurrency"/> at a time, reviews what waits for
/// review through the review API as the agency's reviewer, and waits until every version is final and every email it
/// must cause reached the mail sink. Progress comes from the pipeline's own counters (the "PublishPipeline" meter),
/// with a slow poll of the store for anything they did not report; the figures and checks come from the store and
/// the mail sink.
/// </summary>
internal sealed class BenchRun(DevHost host, BenchWorkload workload, int concurrency, TimeSpan timeout, TimeSpan settle, TextWriter log)
{
    private static readonly HashSet<SubmissionState> Final =
        [SubmissionState.Published, SubmissionState.NeedsChanges, SubmissionState.Rejected, SubmissionState.Failed, SubmissionState.Superseded, SubmissionState.Withdrawn];

    private readonly ConcurrentDictionary<string, Tracked> byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SubmissionState> signalled = new(StringComparer.Ordinal);
    private readonly Channel<string> toReview = Channel.CreateUnbounded<string>();
    private readonly Tracked[] tracked = workload.Drafts.Select(d => new Tracked(d)).ToArray();
    private long lastSignalTicks = DateTimeOffset.UtcNow.UtcTicks;

    public async Task<BenchResult> RunAsync(CancellationToken cancellationToken)
    {
        var store = host.Services.GetRequiredService<SubmissionStore>();
        var directory = host.Services.GetRequiredService<AgencyDirectory>();
        var storage = host.Services.GetRequiredService<PipelineStorage>();
        await directory.ImportAsync(workload.Agencies, cancellationToken);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Registered {workload.Agencies.Count} agencies ({workload.Agencies.Count(a => a.AutoPublish)} publishing without review) in {workload.Agencies.Select(a => a.Region.Split('/')[0]).Distinct().Count()} provinces"));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 })
        {
            BaseAddress = new Uri(host.ApiUrl),
            Timeout = TimeSpan.FromMinutes(2),
        };
        using var meter = Listen();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(timeout);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var azuriteCpuBefore = host.Azurite is { } a ? ProcessStats.CpuTime(a.ProcessId) : null;

        var started = DateTimeOffset.UtcNow;
        var reviewers = Enumerable.Range(0, Math.Max(2, concurrency / 4)).Select(_ => ReviewLoopAsync(http, stop.Token)).ToList();
        var watcher = WatchAsync(store, stop.Token);
        await Parallel.ForEachAsync(
            tracked,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = stop.Token },
            async (item, ct) => await UploadAsync(http, item, ct));
        var uploaded = DateTimeOffset.UtcNow;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Uploaded {tracked.Count(t => t.Id is not null)} of {tracked.Length} drafts in {(uploaded - started).TotalSeconds:F1} s; waiting for the pipeline"));

        var timedOut = false;
        try
        {
            await WaitUntilDoneAsync(stop.Token);
            await SettleAsync(storage, stop.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
            await log.WriteLineAsync($"Timed out after {timeout.TotalMinutes:F0} min: checking what was done");
        }

        toReview.Writer.TryComplete();
        await stop.CancelAsync();
        await Task.WhenAll(reviewers.Append(watcher).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var azuriteCpu = host.Azurite is { } azurite && ProcessStats.CpuTime(azurite.ProcessId) is { } after && azuriteCpuBefore is { } before ? after - before : (TimeSpan?)null;
        var sweeps = await TimeSweepsAsync(store, cancellationToken);
        return await VerifyAsync(store, storage, started, uploaded, timedOut, cpu, azuriteCpu, sweeps, cancellationToken);
    }

    private async Task UploadAsync(HttpClient http, Tracked item, CancellationToken cancellationToken)
    {
        var draft = item.Draft;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(draft.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", draft.FileName);
        form.Add(new StringContent(draft.Agency.Id), "agency");
        form.Add(new StringContent(draft.Year.ToString(CultureInfo.InvariantCulture)), "year");
        using var request = Request(HttpMethod.Post, "/api/drafts", draft.Agency.SubmitterEmails[0], form);
        item.SentAt = DateTimeOffset.UtcNow;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            item.AnsweredAt = DateTimeOffset.UtcNow;
            if (!response.IsSuccessStatusCode)
            {
                item.Problem = $"upload refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                return;
            }

            var accepted = await response.Content.ReadFromJsonAsync<SubmissionAccepted>(JsonSerializerOptions.Web, cancellationToken);
            item.Id = accepted!.Id;
            if (accepted.Duplicate)
            {
                item.Problem = "the upload was taken for a duplicate of an earlier one";
            }

            byId[item.Id] = item;

            // Its checks may have finished before the answer was read here.
            await toReview.Writer.WriteAsync(item.Id, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            item.AnsweredAt = DateTimeOffset.UtcNow;
            item.Problem = "upload failed: " + e.Message;
        }
    }

    /// <summary>The bench's reviewers: approve or return each version that waits for their review, as the agency's reviewer.</summary>
    private async Task ReviewLoopAsync(HttpClient http, CancellationToken cancellationToken)
    {
        await foreach (var id in toReview.Reader.ReadAllAsync(cancellationToken))
        {
            if (!byId.TryGetValue(id, out var item) || item.Draft.Review == ReviewStep.None
                || signalled.GetValueOrDefault(id) != SubmissionState.AwaitingReview || Interlocked.Exchange(ref item.Reviewing, 1) == 1)
            {
                continue;
            }

            var (action, comments) = item.Draft.Review == ReviewStep.Approve
                ? ("approve", "同意发布。")
                : ("return", "第三部分表格中“总计”与各项合计的口径请再核对，并补充说明依申请公开的办理情况。");
            using var request = Request(HttpMethod.Post, $"/api/submissions/{id}/{action}", item.Draft.Agency.ReviewerEmails[0], JsonContent.Create(new { comments }));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                item.ReviewedAt = DateTimeOffset.UtcNow;
                if (item.Draft.Review == ReviewStep.Return)
                {
                    signalled[id] = SubmissionState.NeedsChanges;
                }
            }
            else
            {
                item.Problem = $"{action} refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
        }
    }

    /// <summary>
    /// Reads the store when the counters have said nothing at all for a while (a missed signal must not stall the
    /// run). While signals keep coming it reads nothing: a poll of every waiting version would be the bench's own load
    /// on the storage it measures.
    /// </summary>
    private async Task WatchAsync(SubmissionStore store, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken);
            var quiet = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(30);
            if (new DateTimeOffset(Interlocked.Read(ref lastSignalTicks), TimeSpan.Zero) > quiet)
            {
                continue;
            }

            foreach (var item in tracked.Where(t => t.Id is not null && !IsFinal(t)))
            {
                if (await store.GetAsync(item.Id!, cancellationToken) is { } submission)
                {
                    Signal(item.Id!, submission.CurrentState);
                }
            }
        }
    }

    private async Task WaitUntilDoneAsync(CancellationToken cancellationToken)
    {
        var next = DateTimeOffset.UtcNow;
        while (true)
        {
            var final = tracked.Count(t => IsFinal(t) || (t.Id is null && t.AnsweredAt is not null));
            var mails = NoticesArrived();
            var expected = tracked.Where(t => t.Id is not null).Sum(t => t.Draft.ExpectedNotices.Count);
            var arrived = tracked.Where(t => t.Id is not null).Sum(t => t.Draft.ExpectedNotices.Count(k => mails.Contains($"{t.Id}/{k}")));
            if (DateTimeOffset.UtcNow >= next || (final == tracked.Length && arrived == expected))
            {
                next = DateTimeOffset.UtcNow.AddSeconds(10);
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {DateTimeOffset.UtcNow:HH:mm:ss}  final {final}/{tracked.Length}  emails {arrived}/{expected}  working set {Environment.WorkingSet / 1048576} MB"));
            }

            if (final == tracked.Length && arrived == expected)
            {
                return;
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>
    /// Waits until the pipeline is idle: no message left on the publish and notify queues and no new email for
    /// <c>settle</c>, so a second copy of an email, if the pipeline sent one, is counted.
    /// </summary>
    private async Task SettleAsync(PipelineStorage storage, CancellationToken cancellationToken)
    {
        var count = host.Mail.Mails.Count;
        var quietSince = DateTimeOffset.UtcNow;
        while (true)
        {
            await Task.Delay(1000, cancellationToken);
            var now = host.Mail.Mails.Count;
            var queued = 0;
            foreach (var queue in new[] { storage.PublishQueue, storage.NoticesQueue })
            {
                queued += (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            }

            if (now != count || queued > 0)
            {
                count = now;
                quietSince = DateTimeOffset.UtcNow;
            }
            else if (DateTimeOffset.UtcNow - quietSince >= settle)
            {
                return;
            }
        }
    }

    /// <summary>
    /// What the two periodic sweeps cost once the run's data is in storage: they run every few seconds whatever the
    /// load, so a sweep that grows with the number of submissions slows everything else down.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, double>> TimeSweepsAsync(SubmissionStore store, CancellationToken cancellationToken)
    {
        var timings = new Dictionary<string, double>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        await store.ListPendingOutboxAsync(DateTimeOffset.UtcNow, cancellationToken);
        timings["outboxSweepQuery"] = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        await host.Services.GetRequiredService<DraftSweeper>().SweepAsync(cancellationToken);
        timings["draftSweep"] = watch.Elapsed.TotalMilliseconds;
        return timings;
    }

    private async Task<BenchResult> VerifyAsync(
        SubmissionStore store,
        PipelineStorage storage,
        DateTimeOffset started,
        DateTimeOffset uploaded,
        bool timedOut,
        TimeSpan cpu,
        TimeSpan? azuriteCpu,
        IReadOnlyDictionary<string, double> sweeps,
        CancellationToken cancellationToken)
    {
        var mails = host.Mail.Mails;
        var byNotice = mails.Where(m => m.Notice is not null).GroupBy(m => m.Notice!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var outcomes = new ConcurrentBag<BenchOutcome>();
        await Parallel.ForEachAsync(tracked, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (item, ct) =>
        {
            var submission = item.Id is null ? null : await store.GetAsync(item.Id, ct);
            var notices = item.Draft.ExpectedNotices.ToDictionary(k => k, k => byNotice.GetValueOrDefault($"{item.Id}/{k}")?.Count ?? 0);
            var validationMail = byNotice.GetValueOrDefault($"{item.Id}/{Notices.NoticeKind.ValidationResult}")?.Min(m => m.ReceivedAt);
            var lastMail = item.Draft.ExpectedNotices.Select(k => byNotice.GetValueOrDefault($"{item.Id}/{k}")?.Max(m => m.ReceivedAt)).Max();
            outcomes.Add(new BenchOutcome(
                item.Draft,
                item.Id,
                submission?.CurrentState,
                item.Problem,
                item.SentAt,
                item.AnsweredAt,
                validationMail,
                submission?.CurrentState == SubmissionState.Published ? submission.PublishedAt : null,
                submission is not null && submission.CurrentState is var state && Final.Contains(state) ? Max(submission.UpdatedAt, lastMail) : null,
                notices));
        });

        var unexpected = new List<string>();
        var ids = tracked.Where(t => t.Id is not null).ToDictionary(t => t.Id!, StringComparer.Ordinal);
        foreach (var (notice, copies) in byNotice)
        {
            var slash = notice.LastIndexOf('/');
            if (slash > 0 && ids.TryGetValue(notice[..slash], out var item) && !item.Draft.ExpectedNotices.Contains(notice[(slash + 1)..]))
            {
                unexpected.Add($"{notice} ×{copies.Count}");
            }
        }

        var poisoned = 0;
        foreach (var name in new[] { StorageNames.PublishPoisonQueue, StorageNames.NoticesPoisonQueue, StorageNames.SitePoisonQueue, StorageNames.BlobTriggerPoisonQueue })
        {
            var queue = new Azure.Storage.Queues.QueueClient(host.StorageConnectionString, name);
            if (await queue.ExistsAsync(cancellationToken))
            {
                poisoned += (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            }
        }

        return new BenchResult(
            outcomes.OrderBy(o => o.Draft.Index).ToList(),
            started,
            uploaded,
            timedOut,
            unexpected,
            mails.Count,
            poisoned,
            Process.GetCurrentProcess().PeakWorkingSet64,
            host.Azurite is { } azurite ? ProcessStats.PeakWorkingSet(azurite.ProcessId) : null,
            cpu,
            azuriteCpu,
            sweeps);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other > a ? other : a;

    /// <summary>The notices at least one email arrived for: the wait only asks whether each arrived (copies are counted once settled).</summary>
    private HashSet<string> NoticesArrived() =>
        host.Mail.Mails.Where(m => m.Notice is not null).Select(m => m.Notice!).ToHashSet(StringComparer.Ordinal);

    private bool IsFinal(Tracked item) => item.Id is not null && signalled.TryGetValue(item.Id, out var state) && Final.Contains(state);

    private HttpRequestMessage Request(HttpMethod method, string path, string user, HttpContent content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(CallerResolver.DevUserHeader, user);

        // What a browser on the host's own pages sends: the bench calls as a same-origin client.
        request.Headers.Add("Origin", host.ApiUrl);
        return request;
    }

    private MeterListener Listen() =>
        PipelineMetrics.ListenToHandled((stage, outcome, subject) =>
        {
            if (subject is null)
            {
                return;
            }

            if (stage == "ingest" && Enum.TryParse<SubmissionState>(outcome, out var checkedState))
            {
                Signal(subject, checkedState);
            }
            else if (stage == "publish" && outcome is "published" or "already-published")
            {
                Signal(subject, SubmissionState.Published);
            }
        });

    private void Signal(string id, SubmissionState state)
    {
        signalled[id] = state;
        Interlocked.Exchange(ref lastSignalTicks, DateTimeOffset.UtcNow.UtcTicks);

        if (state == SubmissionState.AwaitingReview)
        {
            toReview.Writer.TryWrite(id);
        }
    }

    private sealed class Tracked(BenchDraft draft)
    {
        public int Reviewing;

        public BenchDraft Draft { get; } = draft;

        public string? Id { get; set; }

        public DateTimeOffset SentAt { get; set; }

        public DateTimeOffset? AnsweredAt { get; set; }

        public DateTimeOffset? ReviewedAt { get; set; }

        public string? Problem { get; set; }
    }
}
