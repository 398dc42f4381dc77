using System.Globalization;
using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace PublishPipeline.Submissions;

/// <summary>
/// A message a state change causes, in the report's outbox (row <c>outbox-{audit sequence}-{n}</c> of the report's
/// partition). It is written in the same entity-group transaction as the change and its audit entry, so it exists
/// exactly when the change does; the dispatcher sends it after the commit and marks it dispatched, and the sweeper
/// sends whatever a crash left pending.
/// </summary>
public sealed class OutboxMessage : ITableEntity
{
    public const string RowKeyPrefix = "outbox-";

    /// <summary>The first row key after every outbox row ('.' sorts right after '-').</summary>
    public const string RowKeyEnd = "outbox.";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The audit entry of the change that caused it: messages go out, and notices are sent, in this order.</summary>
    public int Sequence { get; set; }

    public string SubmissionId { get; set; } = "";

    /// <summary>A <see cref="LifecycleMessage"/> name.</summary>
    public string Message { get; set; } = "";

    /// <summary>For a publication: not before this time (the approval's scheduled time).</summary>
    public DateTimeOffset? NotBefore { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>True until the message is on its queue.</summary>
    public bool Pending { get; set; } = true;

    public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>While a dispatcher is sending it, others leave it alone (a dispatcher that died lets it go when this passes).</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public int Attempts { get; set; }

    [IgnoreDataMember]
    public LifecycleMessage Kind => Enum.Parse<LifecycleMessage>(Message);

    public static string RowKeyFor(int sequence, int index) =>
        RowKeyPrefix + sequence.ToString("D6", CultureInfo.InvariantCulture) + "-" + index.ToString("D2", CultureInfo.InvariantCulture);
}
