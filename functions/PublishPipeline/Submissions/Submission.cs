using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Submissions;

/// <summary>
/// One submitted version of an agency's report for a year: where the upload is kept (immutable, with its hash),
/// what it was found to be, and its current state. Stored in the report's partition (<see cref="ReportKey"/>) as row
/// <c>v{n}</c>, next to the report's head row, the hash index and the audit trail.
/// </summary>
public sealed class Submission : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    [IgnoreDataMember]
    public string Id => SubmissionIds.For(AgencyId, Year, Version);

    [IgnoreDataMember]
    public ReportKey Report => new(AgencyId, Year);

    public string AgencyId { get; set; } = "";

    public int Year { get; set; }

    /// <summary>1 for the first upload of the report, then one more for each upload with new bytes.</summary>
    public int Version { get; set; }

    /// <summary>The file name as the submitter gave it.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The blob name in the drafts container, kept as uploaded and never overwritten.</summary>
    public string DraftBlob { get; set; } = "";

    /// <summary>
    /// For a draft dropped straight into storage: the name it was dropped under. The pipeline keeps its own copy
    /// under <see cref="DraftBlob"/>, so a later drop under the same name cannot overwrite this version's bytes.
    /// </summary>
    public string? SourceBlob { get; set; }

    public string Sha256 { get; set; } = "";

    public long Size { get; set; }

    /// <summary>Who uploaded: the signed-in submitter's email, or <see cref="UnknownUploader"/> for a draft dropped into storage by nobody the directory knows.</summary>
    public string SubmittedBy { get; set; } = "";

    public const string UnknownUploader = "unknown";

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

    /// <summary>When an approved version is to go live (null: as soon as it is approved).</summary>
    public DateTimeOffset? PublishAt { get; set; }

    /// <summary>The reviewer who approved or returned it.</summary>
    public string? ReviewedBy { get; set; }

    /// <summary>The reviewer's comments when returned, or the reason given for a withdrawal.</summary>
    public string? Comments { get; set; }

    /// <summary>The version that replaced this one (state Superseded).</summary>
    public int? SupersededBy { get; set; }

    [IgnoreDataMember]
    public SubmissionState CurrentState => Enum.Parse<SubmissionState>(State);

    /// <summary>Rejected because nobody the directory knows uploaded it: the same bytes from a submitter are a new version.</summary>
    public bool UploaderUnknown() => SubmittedBy == UnknownUploader;
}
