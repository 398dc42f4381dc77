namespace PublishPipeline.Site.Build;

/// <summary>
/// What a running build has done, updated from its worker threads and read by whoever shows progress: the phase, and
/// within it how many items of how many are done.
/// </summary>
public sealed class SiteBuildProgress
{
    private int done;
    private int total;
    private string phase = "";
    private long phaseStarted = System.Diagnostics.Stopwatch.GetTimestamp();

    public string Phase => Volatile.Read(ref phase);

    public int Done => Volatile.Read(ref done);

    public int Total => Volatile.Read(ref total);

    /// <summary>How long the current phase has been running.</summary>
    public TimeSpan PhaseElapsed => System.Diagnostics.Stopwatch.GetElapsedTime(Volatile.Read(ref phaseStarted));

    internal void Start(string name, int items)
    {
        Volatile.Write(ref done, 0);
        Volatile.Write(ref total, items);
        Volatile.Write(ref phaseStarted, System.Diagnostics.Stopwatch.GetTimestamp());
        Volatile.Write(ref phase, name);
    }

    internal void Step() => Interlocked.Increment(ref done);
}
