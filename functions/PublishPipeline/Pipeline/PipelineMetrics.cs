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

    private const string HandledInstrument = "pipeline.messages.handled";

    private readonly Meter meter;
    private readonly Counter<long> handled;
    private readonly Counter<long> dispatched;

    public PipelineMetrics(IMeterFactory? meters = null)
    {
        meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        handled = meter.CreateCounter<long>(HandledInstrument, description: "Messages a stage handled, by stage and outcome");
        dispatched = meter.CreateCounter<long>("pipeline.outbox.dispatched", description: "Outbox messages put on their queue");
    }

    public void Handled(string stage, string outcome, string? subject) =>
        handled.Add(1, new(StageTag, stage), new(OutcomeTag, outcome), new(SubjectTag, subject ?? ""));

    /// <summary>
    /// Starts listening to every message a stage handled, in any meter of this name in the process, and decodes the
    /// tags written by <see cref="Handled"/>; dispose the listener to stop. The callback runs on the handler's thread.
    /// </summary>
    public static MeterListener ListenToHandled(Action<string, string, string?> onHandled)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MeterName && instrument.Name == HandledInstrument)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? stage = null, outcome = null, subject = null;
            foreach (var tag in tags)
            {
                switch (tag.Key)
                {
                    case StageTag: stage = tag.Value as string; break;
                    case OutcomeTag: outcome = tag.Value as string; break;
                    case SubjectTag: subject = tag.Value as string; break;
                }
            }

            onHandled(stage ?? "", outcome ?? "", subject);
        });
        listener.Start();
        return listener;
    }

    public void OutboxDispatched(LifecycleMessage message) =>
        dispatched.Add(1, new KeyValuePair<string, object?>("message", message.ToString()));

    public void Dispose() => meter.Dispose();
}
