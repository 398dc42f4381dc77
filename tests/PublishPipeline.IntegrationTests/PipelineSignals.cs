using System.Diagnostics.Metrics;
using PublishPipeline.Pipeline;

namespace PublishPipeline.IntegrationTests;

/// <summary>
/// Listens to the pipeline's own counters (<see cref="PipelineMetrics"/>) from the moment it is made, so a test can
/// wait for the positive sign that a message it redelivered was handled before it asserts that nothing else happened.
/// </summary>
public sealed class PipelineSignals : IDisposable
{
    private readonly MeterListener listener;
    private readonly List<Handled> seen = [];
    private readonly object gate = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PipelineSignals()
    {
        listener = PipelineMetrics.ListenToHandled((stage, outcome, subject) =>
        {
            lock (gate)
            {
                seen.Add(new Handled(stage, outcome, subject ?? ""));
                changed.TrySetResult();
                changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        });
    }

    /// <summary>One message a stage handled: the stage, what it did, and what the message was about.</summary>
    public sealed record Handled(string Stage, string Outcome, string Subject);

    public IReadOnlyList<Handled> Seen
    {
        get
        {
            lock (gate)
            {
                return seen.ToList();
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> messages matching <paramref name="match"/> were handled (since this listener was made).</summary>
    public async Task<IReadOnlyList<Handled>> WaitForAsync(Func<Handled, bool> match, int count = 1, string? what = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            Task next;
            lock (gate)
            {
                var found = seen.Where(match).ToList();
                if (found.Count >= count)
                {
                    return found;
                }

                next = changed.Task;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"within 60 s the pipeline did not signal {what ?? "the expected handling"}; it signalled: {string.Join(", ", Seen)}");
            }
        }
    }

    /// <summary>Waits until a stage handled <paramref name="count"/> messages about <paramref name="subject"/> with this outcome.</summary>
    public Task<IReadOnlyList<Handled>> WaitForAsync(string stage, string outcome, string subject, int count = 1) =>
        WaitForAsync(h => h.Stage == stage && h.Outcome == outcome && h.Subject == subject, count, $"{count}× {stage}/{outcome} for {subject}");

    public void Dispose() => listener.Dispose();
}
