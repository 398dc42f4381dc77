using System.Diagnostics.Metrics;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The pipeline's counters (meter <see cref="MeterName"/>): every message a stage handled and how, every outbox
/// message sent, every email decided. Operators chart them; tests listen to them to know that a redelivered message
/// was handled before asserting that nothing else happened.
/// </summary>
public sealed class PipelineMetrics : IDisposable
{
    public const string MeterName = "PublishPipeline";

    /// <summary>Tag: the stage (ingest, publish, notify).</summary>
    public const string StageTag = "stage";

    /// <summary>Tag: what the stage did (e.g. published, already-published, sent, already-sent, ignored).</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>Tag: what the message was about: the submission id, or the key of a reminder, digest or alert.</summary>
    public const string SubjectTag = "subject";

    private readonly Meter meter;
    private readonly Counter<long> handled;
    private readonly Counter<long> dispatched;

    public PipelineMetrics(IMeterFactory? meters = null)
    {
        meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        handled = meter.CreateCounter<long>("pipeline.messages.handled", description: "Messages a stage handled, by stage and outcome");
        dispatched = meter.CreateCounter<long>("pipeline.outbox.dispatched", description: "Outbox messages put on their queue");
    }

    public void Handled(string stage, string outcome, string? subject) =>
        handled.Add(1, new(StageTag, stage), new(OutcomeTag, outcome), new(SubjectTag, subject ?? ""));

    public void OutboxDispatched(LifecycleMessage message) =>
        dispatched.Add(1, new KeyValuePair<string, object?>("message", message.ToString()));

    public void Dispose() => meter.Dispose();
}
