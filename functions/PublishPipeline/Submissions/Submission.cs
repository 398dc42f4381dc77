using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Submissions;

/// <summary>
/// One submitted version of an agency's report for a year: where the upload is kept, what it was found to be,
/// and its current state. Stored in the submissions table as the partition's "submission" row; the partition
/// also holds the audit trail, so a state change and its audit entry are written in one transaction.
/// </summary>
public sealed class Submission : ITableEntity
{
    public const string RowKeyValue = "submission";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = RowKeyValue;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    [IgnoreDataMember]
    public string Id => PartitionKey;

    public string AgencyId { get; set; } = "";

    public int Year { get; set; }

    /// <summary>The file name as the submitter gave it.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The blob name in the drafts container, kept as uploaded.</summary>
    public string DraftBlob { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public long Size { get; set; }

    /// <summary>Who uploaded: a directory email through the API, or "blob" for a draft dropped into storage.</summary>
    public string SubmittedBy { get; set; } = "";

    public string State { get; set; } = nameof(SubmissionState.Received);

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? Format { get; set; }

    public string? Template { get; set; }

    public string? Title { get; set; }

    public int Errors { get; set; }

    public int Warnings { get; set; }

    /// <summary>Why the last transition happened, in Chinese (the rejection reason, for instance).</summary>
    public string? Reason { get; set; }

    public string? PublicUrl { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public int AuditCount { get; set; }

    [IgnoreDataMember]
    public SubmissionState CurrentState => Enum.Parse<SubmissionState>(State);
}
