using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Arithmetic;

/// <summary>One cell of a suggested change: what it reads now and what would make every relation of its table hold.</summary>
public sealed record CellChange(CellAddress Cell, CellValue Current, decimal Suggested);

/// <summary>A cell that some smallest change alters, with what it reads now.</summary>
public sealed record FixCandidate(CellAddress Cell, CellValue Current);

/// <summary>
/// What <see cref="FixSolver"/> found for one table whose relations fail: either exactly one smallest change
/// (<see cref="IsUnique"/>, <see cref="Changes"/>) or several (or infinitely many) changes of the same size, of which the
/// numbers cannot tell the right one (<see cref="Candidates"/>).
/// </summary>
public sealed record FixSuggestion
{
    /// <summary>requests or review_litigation.</summary>
    public required string Table { get; init; }

    /// <summary>How many cells the smallest change alters: 1 or 2.</summary>
    public required int Size { get; init; }

    public required bool IsUnique { get; init; }

    /// <summary>The change when it is unique, in table order; empty otherwise.</summary>
    public IReadOnlyList<CellChange> Changes { get; init; } = [];

    /// <summary>When not unique: the cells some smallest change alters, in table order, at most <see cref="FixSolver.MaxCandidates"/>.</summary>
    public IReadOnlyList<FixCandidate> Candidates { get; init; } = [];

    /// <summary>How many candidate cells there are in all (more than <see cref="Candidates"/> lists when they were cut).</summary>
    public int CandidateCount { get; init; }

    /// <summary>
    /// The table has cells the reader could not read (C7) or rows the document lacks: they were left free, never suggested, so
    /// the relations that contain them hold only for some value of those cells.
    /// </summary>
    public bool HasUnreadCells { get; init; }
}
