namespace PublishPipeline.Rollups;

/// <summary>Why a summed report's cell could not be added to the sum.</summary>
public enum RollupGapKind
{
    /// <summary>The cell is printed but blank (blank is not 0).</summary>
    Blank,

    /// <summary>The cell holds text that is not a clean number ("/", "减4").</summary>
    Text,

    /// <summary>The row was printed but its cells ran together and could not be read exactly (C7).</summary>
    Unread,

    /// <summary>The report does not contain the row (or the whole table).</summary>
    Missing,
}
