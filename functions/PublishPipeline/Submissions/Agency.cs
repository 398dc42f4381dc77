using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Submissions;

/// <summary>
/// An agency in the directory: who it is, where it sits, and who may submit for it and receive its mail.
/// Mail only ever goes to the addresses recorded here, never to an address taken from an upload.
/// </summary>
public sealed class Agency : ITableEntity
{
    public const string PartitionKeyValue = "agency";

    public string PartitionKey { get; set; } = PartitionKeyValue;

    /// <summary>The agency id: a lowercase slug such as <c>lanxi-wenlvj</c>, used in blob paths and URLs.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    [IgnoreDataMember]
    public string Id => RowKey;

    public string Name { get; set; } = "";

    /// <summary>省/市/县/乡, joined with '/': 浙江省/金华市/兰溪市.</summary>
    public string Region { get; set; } = "";

    public string Level { get; set; } = "";

    public string SupervisingOffice { get; set; } = "";

    /// <summary>Submitter emails, ';'-separated (lower-cased and de-duplicated by the CSV import).</summary>
    public string Submitters { get; set; } = "";

    /// <summary>Reviewer emails at the supervising office, ';'-separated (as <see cref="Submitters"/>).</summary>
    public string Reviewers { get; set; } = "";

    /// <summary>Whether a report without errors is published without waiting for a reviewer.</summary>
    public bool AutoPublish { get; set; }

    [IgnoreDataMember]
    public IReadOnlyList<string> SubmitterEmails => Split(Submitters);

    [IgnoreDataMember]
    public IReadOnlyList<string> ReviewerEmails => Split(Reviewers);

    private static string[] Split(string list) =>
        list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
