namespace PublishPipeline.Reading;

/// <summary>
/// What <see cref="OldFormat"/> found: the old parts the document names (headings or the introduction's list), the
/// current parts it names, how many labels of the old statistics table it prints, and whether it cites 第492号令.
/// </summary>
internal sealed record OldFormatSignals(IReadOnlySet<string> OldParts, IReadOnlySet<string> CurrentParts, int OldTableLabels, bool CitesOldDecree)
{
    /// <summary>
    /// Two independent signals (old parts, the old table, the old decree) or an old structure of four parts or more,
    /// and not the current structure: a current report names at least two of its own parts.
    /// </summary>
    public bool IsOld
    {
        get
        {
            var signals = (OldParts.Count >= 2 ? 1 : 0) + (OldTableLabels >= 2 ? 1 : 0) + (CitesOldDecree ? 1 : 0);
            return CurrentParts.Count < 2 && (signals >= 2 || OldParts.Count >= 4);
        }
    }
}
