using Azure;
using Azure.Data.Tables;
using PublishPipeline.Storage;

namespace PublishPipeline.Submissions;

/// <summary>
/// Reports, their versions and their audit trail. A report (agency, year) is one table partition: the head row,
/// one row per version, a hash index row per distinct upload and one audit row per state change. Every change
/// rewrites the head under its ETag in the same transaction as the versions it touches and their audit entries, so
/// no state changes without a trace, racing writers cannot both win, and the loser re-reads and decides again.
/// </summary>
public sealed class SubmissionStore(PipelineStorage storage, TimeProvider clock)
{
    /// <summary>Versions a newer checked version takes over: still pending, never going live now.</summary>
    private static readonly HashSet<SubmissionState> PendingStates = [SubmissionState.NeedsChanges, SubmissionState.AwaitingReview, SubmissionState.Approved];

    /// <summary>States in which the same bytes uploaded again are the same version (no new version, no new email).</summary>
    private static readonly HashSet<SubmissionState> ReusedStates =
        [SubmissionState.Received, SubmissionState.Rejected, SubmissionState.NeedsChanges, SubmissionState.AwaitingReview, SubmissionState.Approved, SubmissionState.Published];

    private const int MaxAttempts = 12;

    private TableClient Table => storage.Submissions;

    public async Task<Submission?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        SubmissionIds.TryParse(id, out var report, out var version) ? await GetVersionAsync(report, version, cancellationToken) : null;

    public async Task<Submission?> GetVersionAsync(ReportKey report, int version, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<Submission>(report.PartitionKey, SubmissionIds.RowKeyFor(version), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task<ReportHead?> GetHeadAsync(ReportKey report, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<ReportHead>(report.PartitionKey, ReportHead.RowKeyValue, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>The version holding these bytes, if any.</summary>
    public async Task<Submission?> FindByHashAsync(ReportKey report, string sha256, CancellationToken cancellationToken = default)
    {
        var hash = await Table.GetEntityIfExistsAsync<DraftHash>(report.PartitionKey, DraftHash.RowKeyFor(sha256), cancellationToken: cancellationToken);
        return hash.HasValue ? await GetVersionAsync(report, hash.Value!.Version, cancellationToken) : null;
    }

    /// <summary>
    /// Records an upload as the report's next version in state Received, or returns the version that already holds the same bytes (a retried request, a re-delivered event, the same
    /// file uploaded twice): then nothing is written.
    /// </summary>
    /// <param name="draftBlobFor">Names the blob for the new version number, when the caller stores the upload after recording it.</param>
    public async Task<(Submission Submission, bool Created)> AddVersionAsync(
        ReportKey report, Submission upload, string actor, string reason, CancellationToken cancellationToken = default, Func<int, string>? draftBlobFor = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await FindByHashAsync(report, upload.Sha256, cancellationToken);
            if (existing is not null && ReusedStates.Contains(existing.CurrentState) && !existing.UploaderUnknown())
            {
                return (existing, false);
            }

            var head = await GetHeadAsync(report, cancellationToken);
            var isNewReport = head is null;
            head ??= new ReportHead { PartitionKey = report.PartitionKey, AgencyId = report.AgencyId, Year = report.Year };
            var now = clock.GetUtcNow();
            var version = head.VersionCount + 1;
            var submission = Copy(upload);
            submission.PartitionKey = report.PartitionKey;
            submission.RowKey = SubmissionIds.RowKeyFor(version);
            submission.AgencyId = report.AgencyId;
            submission.Year = report.Year;
            submission.Version = version;
            submission.DraftBlob = draftBlobFor?.Invoke(version) ?? upload.DraftBlob;
            submission.State = nameof(SubmissionState.Received);
            submission.ReceivedAt = now;
            submission.UpdatedAt = now;

            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, submission),
                new(TableTransactionActionType.UpsertReplace, new DraftHash { PartitionKey = report.PartitionKey, RowKey = DraftHash.RowKeyFor(upload.Sha256), Version = version }),
                Audit(head, submission, actor, now, "", SubmissionState.Received, reason),
            };
            head.VersionCount = version;
            head.UpdatedAt = now;
            actions.Insert(0, isNewReport
                ? new TableTransactionAction(TableTransactionActionType.Add, head)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, head, head.ETag));
            if (await TrySubmitAsync(actions, cancellationToken))
            {
                return (await GetVersionAsync(report, version, cancellationToken) ?? submission, true);
            }

            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"report {report} kept changing while version {version} was being added");
            }

            await Backoff(attempt, cancellationToken);
        }
    }

    /// <summary>
    /// Moves a version along the <see cref="Lifecycle"/> row that <paramref name="trigger"/> takes from its current
    /// state, applying <paramref name="update"/>, and writes in one transaction the version, its audit entry and the
    /// messages the row sends (the report's outbox: see <see cref="OutboxMessage"/>). Publishing a version supersedes
    /// the one live before it; withdrawing the live version leaves the report with none. When another writer changed
    /// the report first, the change is decided again on what is there now: a second approval of the same version
    /// finds it Approved and changes nothing. With <paramref name="expected"/>, the change is made only from that state
    /// (a person acted on the state they saw and were allowed to act on). Nothing is sent here: the caller dispatches
    /// the outbox after the commit.
    /// </summary>
    public async Task<TransitionResult> TransitionAsync(
        string id,
        LifecycleTrigger trigger,
        string actor,
        string reason,
        Action<Submission>? update = null,
        SubmissionState? expected = null,
        CancellationToken cancellationToken = default)
    {
        if (!SubmissionIds.TryParse(id, out var report, out var version))
        {
            return new TransitionResult(null, null, null);
        }

        for (var attempt = 1; ; attempt++)
        {
            var head = await GetHeadAsync(report, cancellationToken);
            var submission = await GetVersionAsync(report, version, cancellationToken);
            var step = submission is null || (expected is { } state && submission.CurrentState != state) ? null : Lifecycle.Find(submission.CurrentState, trigger);
            if (head is null || submission is null || step is null)
            {
                return new TransitionResult(null, submission, null);
            }

            var now = clock.GetUtcNow();
            var previous = submission.CurrentState;
            var to = step.To;
            submission.State = to.ToString();
            submission.UpdatedAt = now;
            submission.Reason = reason;
            update?.Invoke(submission);
            var audit = Audit(head, submission, actor, now, previous.ToString(), to, reason);
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateReplace, submission, submission.ETag),
                audit,
            };
            actions.AddRange(Outbox(step, submission, ((AuditEntry)audit.Entity).Sequence, now));

            if (previous == SubmissionState.Received && PendingStates.Contains(to))
            {
                // A newer version that was read and checked takes over the older ones still pending (an unreadable
                // upload or one from an unknown uploader never gets here, so it supersedes nothing).
                foreach (var pending in await ListVersionsAsync(report, cancellationToken))
                {
                    if (pending.Version < version && Lifecycle.Find(pending.CurrentState, LifecycleTrigger.SupersededByNewer) is { } superseded)
                    {
                        pending.State = superseded.To.ToString();
                        pending.SupersededBy = version;
                        pending.UpdatedAt = now;
                        pending.Reason = $"已由第 {version} 版取代（重新提交）";
                        actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, pending, pending.ETag));
                        var pendingAudit = Audit(head, pending, actor, now, superseded.From.ToString(), superseded.To, pending.Reason);
                        actions.Add(pendingAudit);
                        actions.AddRange(Outbox(superseded, pending, ((AuditEntry)pendingAudit.Entity).Sequence, now));
                    }
                }
            }

            if (to == SubmissionState.Published)
            {
                if (head.PublishedVersion is { } live && live != version && await GetVersionAsync(report, live, cancellationToken) is { } replaced
                    && Lifecycle.Find(replaced.CurrentState, LifecycleTrigger.ReplacedByCorrection) is { } correction)
                {
                    replaced.State = correction.To.ToString();
                    replaced.SupersededBy = version;
                    replaced.UpdatedAt = now;
                    replaced.Reason = $"已由第 {version} 版（更正版本）取代，公开页面已更新";
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, replaced, replaced.ETag));
                    var replacedAudit = Audit(head, replaced, actor, now, correction.From.ToString(), correction.To, replaced.Reason);
                    actions.Add(replacedAudit);
                    actions.AddRange(Outbox(correction, replaced, ((AuditEntry)replacedAudit.Entity).Sequence, now));
                }

                head.PublishedVersion = version;
            }
            else if (previous == SubmissionState.Published && head.PublishedVersion == version)
            {
                head.PublishedVersion = null;
            }

            head.UpdatedAt = now;
            actions.Insert(0, new TableTransactionAction(TableTransactionActionType.UpdateReplace, head, head.ETag));
            if (await TrySubmitAsync(actions, cancellationToken))
            {
                return new TransitionResult(await GetVersionAsync(report, version, cancellationToken), null, step);
            }

            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"report {report} kept changing while {id} was moved by {trigger}");
            }

            await Backoff(attempt, cancellationToken);
        }
    }

    /// <summary>The messages of a report's outbox not yet dispatched, in the order of the changes that caused them.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListPendingOutboxAsync(ReportKey report, CancellationToken cancellationToken = default) =>
        await QueryOutboxAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {report.PartitionKey} and RowKey ge {OutboxMessage.RowKeyPrefix} and RowKey lt {OutboxMessage.RowKeyEnd} and Pending eq {true}"),
            cancellationToken);

    /// <summary>Every message of a report's outbox, dispatched or not, in order.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListOutboxAsync(ReportKey report, CancellationToken cancellationToken = default) =>
        await QueryOutboxAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {report.PartitionKey} and RowKey ge {OutboxMessage.RowKeyPrefix} and RowKey lt {OutboxMessage.RowKeyEnd}"),
            cancellationToken);

    /// <summary>Messages not dispatched across every report, created before <paramref name="createdBefore"/> (for the sweeper).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListPendingOutboxAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default) =>
        await QueryOutboxAsync(
            TableClient.CreateQueryFilter($"RowKey ge {OutboxMessage.RowKeyPrefix} and RowKey lt {OutboxMessage.RowKeyEnd} and Pending eq {true} and CreatedAt lt {createdBefore}"),
            cancellationToken);

    /// <summary>Writes an outbox row back under its ETag (a dispatcher's lease or its mark); false when someone else changed it first.</summary>
    public async Task<bool> TryUpdateOutboxAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(message, message.ETag, TableUpdateMode.Replace, cancellationToken);
            message.ETag = response.Headers.ETag ?? message.ETag;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    private async Task<List<OutboxMessage>> QueryOutboxAsync(string filter, CancellationToken cancellationToken)
    {
        var result = new List<OutboxMessage>();
        await foreach (var entity in Table.QueryAsync<OutboxMessage>(filter, cancellationToken: cancellationToken))
        {
            result.Add(entity);
        }

        return result.OrderBy(m => m.PartitionKey, StringComparer.Ordinal).ThenBy(m => m.RowKey, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<TableTransactionAction> Outbox(LifecycleStep step, Submission submission, int sequence, DateTimeOffset now) =>
        step.Messages.Select((message, index) => new TableTransactionAction(TableTransactionActionType.Add, new OutboxMessage
        {
            PartitionKey = submission.PartitionKey,
            RowKey = OutboxMessage.RowKeyFor(sequence, index),
            Sequence = sequence,
            SubmissionId = submission.Id,
            Message = message.ToString(),
            NotBefore = message == LifecycleMessage.Publish ? submission.PublishAt : null,
            CreatedAt = now,
        }));

    /// <summary>The whole history of a report, every version, in order.</summary>
    public async Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(ReportKey report, CancellationToken cancellationToken = default)
    {
        var entries = new List<AuditEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {report.PartitionKey} and RowKey ge {AuditEntry.RowKeyPrefix} and RowKey lt {"audit."}");
        await foreach (var entry in Table.QueryAsync<AuditEntry>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(entry);
        }

        return entries.OrderBy(e => e.Sequence).ToList();
    }

    /// <summary>The history of one version.</summary>
    public async Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(string id, CancellationToken cancellationToken = default) =>
        SubmissionIds.TryParse(id, out var report, out var version)
            ? (await GetAuditTrailAsync(report, cancellationToken)).Where(e => e.Version == version).ToList()
            : [];

    /// <summary>Every version of a report, oldest first.</summary>
    public async Task<IReadOnlyList<Submission>> ListVersionsAsync(ReportKey report, CancellationToken cancellationToken = default)
    {
        var result = await QueryVersionsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {report.PartitionKey} and RowKey ge {"v"} and RowKey lt {"w"}"), cancellationToken);
        return result.OrderBy(s => s.Version).ToList();
    }

    /// <summary>Every version of every report of an agency, newest first.</summary>
    public async Task<IReadOnlyList<Submission>> ListForAgencyAsync(string agencyId, CancellationToken cancellationToken = default)
    {
        var result = await QueryVersionsAsync(TableClient.CreateQueryFilter(
            $"PartitionKey gt {agencyId + "_"} and PartitionKey lt {agencyId + "`"} and RowKey ge {"v"} and RowKey lt {"w"}"), cancellationToken);
        return result.OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Version).ToList();
    }

    /// <summary>Every version of every report of a year (for deadline reminders).</summary>
    public async Task<IReadOnlyList<Submission>> ListVersionsOfYearAsync(int year, CancellationToken cancellationToken = default)
    {
        return await QueryVersionsAsync(TableClient.CreateQueryFilter($"Year eq {year} and RowKey ge {"v"} and RowKey lt {"w"}"), cancellationToken);
    }

    /// <summary>Every version in one state, across reports (the reviewers' digest, scheduled publications).</summary>
    public async Task<IReadOnlyList<Submission>> ListInStateAsync(SubmissionState state, CancellationToken cancellationToken = default)
    {
        return await QueryVersionsAsync(TableClient.CreateQueryFilter($"State eq {state.ToString()} and RowKey ge {"v"} and RowKey lt {"w"}"), cancellationToken);
    }

    private async Task<List<Submission>> QueryVersionsAsync(string filter, CancellationToken cancellationToken)
    {
        var result = new List<Submission>();
        await foreach (var entity in Table.QueryAsync<Submission>(filter, cancellationToken: cancellationToken))
        {
            result.Add(entity);
        }

        return result;
    }

    private static TableTransactionAction Audit(
        ReportHead head, Submission submission, string actor, DateTimeOffset at, string from, SubmissionState to, string reason)
    {
        head.AuditCount++;
        return new TableTransactionAction(TableTransactionActionType.Add, new AuditEntry
        {
            PartitionKey = head.PartitionKey,
            RowKey = AuditEntry.RowKeyFor(head.AuditCount),
            Sequence = head.AuditCount,
            Version = submission.Version,
            SubmissionId = submission.Id,
            Actor = actor,
            At = at,
            From = from,
            To = to.ToString(),
            Reason = reason,
        });
    }

    private async Task<bool> TrySubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    private static Task Backoff(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 10))), cancellationToken);

    private static Submission Copy(Submission upload) => new()
    {
        FileName = upload.FileName,
        DraftBlob = upload.DraftBlob,
        SourceBlob = upload.SourceBlob,
        Sha256 = upload.Sha256,
        Size = upload.Size,
        SubmittedBy = upload.SubmittedBy,
    };
}

/// <summary>
/// What a transition did: the version as it is after the change and the lifecycle step it took, or (when the change
/// was not made) the version as it is now.
/// </summary>
public sealed record TransitionResult(Submission? Updated, Submission? Current, LifecycleStep? Step)
{
    public bool Changed => Updated is not null;
}
