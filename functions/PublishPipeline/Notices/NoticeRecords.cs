using PublishPipeline.Storage;

namespace PublishPipeline.Notices;

/// <summary>Reads the records of the emails about one submission (its partition of the notices table).</summary>
public static class NoticeRecords
{
    public static async Task<IReadOnlyList<NoticeRecord>> ListForSubmissionAsync(PipelineStorage storage, string submissionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var records = new List<NoticeRecord>();
        await foreach (var record in storage.Notices.QueryAsync<NoticeRecord>(r => r.PartitionKey == submissionId, cancellationToken: cancellationToken))
        {
            records.Add(record);
        }

        return records;
    }
}
