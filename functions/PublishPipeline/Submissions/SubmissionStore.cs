using Azure;
using Azure.Data.Tables;
using PublishPipeline.Storage;

namespace PublishPipeline.Submissions;

/// <summary>
/// Submissions and their audit trail. Every state change is guarded by the record's ETag and written together
/// with its audit entry in one table transaction, so no state changes without a trace and two racing writers
/// cannot both win.
/// </summary>
public sealed class SubmissionStore(PipelineStorage storage, TimeProvider clock)
{
    private TableClient Table => storage.Submissions;

    public async Task<Submission?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!SubmissionIds.IsWellFormed(id))
        {
            return null;
        }

        var response = await Table.GetEntityIfExistsAsync<Submission>(id, Submission.RowKeyValue, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Records a new submission in state Received with its first audit entry, or returns the existing one when
    /// the same upload was already recorded (a re-delivered event, a retried request).
    /// </summary>
    public async Task<(Submission Submission, bool Created)> GetOrCreateAsync(Submission submission, string actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        submission.RowKey = Submission.RowKeyValue;
        submission.State = nameof(SubmissionState.Received);
        submission.ReceivedAt = now;
        submission.UpdatedAt = now;
        submission.AuditCount = 1;
        var audit = new AuditEntry
        {
            PartitionKey = submission.PartitionKey,
            RowKey = AuditEntry.RowKeyFor(1),
            Sequence = 1,
            Actor = actor,
            At = now,
            From = "",
            To = nameof(SubmissionState.Received),
            Reason = "收到上传的年度报告草稿",
        };
        try
        {
            await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, submission),
                    new TableTransactionAction(TableTransactionActionType.Add, audit),
                ],
                cancellationToken);
            var created = await GetAsync(submission.Id, cancellationToken) ?? submission;
            return (created, true);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            var existing = await GetAsync(submission.Id, cancellationToken)
                ?? throw new InvalidOperationException($"submission {submission.Id} conflicted but cannot be read", e);
            return (existing, false);
        }
    }

    /// <summary>
    /// Moves a submission from <paramref name="from"/> to <paramref name="to"/>, applying <paramref name="update"/>
    /// to the record, and appends the audit entry, atomically. Returns null when the submission is no longer in
    /// <paramref name="from"/> (another writer got there first): the caller's change did not happen.
    /// </summary>
    public async Task<Submission?> TransitionAsync(
        Submission submission,
        SubmissionState from,
        SubmissionState to,
        string actor,
        string reason,
        Action<Submission>? update = null,
        CancellationToken cancellationToken = default)
    {
        if (submission.CurrentState != from)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var sequence = submission.AuditCount + 1;
        submission.State = to.ToString();
        submission.UpdatedAt = now;
        submission.Reason = reason;
        submission.AuditCount = sequence;
        update?.Invoke(submission);
        var audit = new AuditEntry
        {
            PartitionKey = submission.PartitionKey,
            RowKey = AuditEntry.RowKeyFor(sequence),
            Sequence = sequence,
            Actor = actor,
            At = now,
            From = from.ToString(),
            To = to.ToString(),
            Reason = reason,
        };
        try
        {
            await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, submission, submission.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, audit),
                ],
                cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }

        return await GetAsync(submission.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(string id, CancellationToken cancellationToken = default)
    {
        var entries = new List<AuditEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey ge {AuditEntry.RowKeyPrefix} and RowKey lt {"audit."}");
        await foreach (var entry in Table.QueryAsync<AuditEntry>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(entry);
        }

        return entries.OrderBy(e => e.Sequence).ToList();
    }

    public async Task<IReadOnlyList<Submission>> ListForAgencyAsync(string agencyId, CancellationToken cancellationToken = default)
    {
        var result = new List<Submission>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {Submission.RowKeyValue} and AgencyId eq {agencyId}");
        await foreach (var entity in Table.QueryAsync<Submission>(filter, cancellationToken: cancellationToken))
        {
            result.Add(entity);
        }

        return result.OrderByDescending(s => s.ReceivedAt).ToList();
    }
}
