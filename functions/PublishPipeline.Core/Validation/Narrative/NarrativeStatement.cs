namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// One statement the narrative makes about the report's numbers, with the sentence it came from and where.
/// <see cref="Position"/> is the character offset in the section's original text.
/// </summary>
public sealed record NarrativeStatement
{
    public required StatementKind Kind { get; init; }

    /// <summary>The section key (overview, requests, …) or its number when the key is unknown.</summary>
    public required string Section { get; init; }

    public required int Position { get; init; }

    /// <summary>The sentence as the author wrote it.</summary>
    public required string Sentence { get; init; }

    /// <summary>The words that carry the statement ("答复45件").</summary>
    public required string Phrase { get; init; }

    public decimal? Value { get; init; }

    /// <summary>Result category (disclosed, partly, disclosed_or_partly, not_disclosed, cannot_provide, not_processed, other, withdrawn, not_supplemented, fee_unpaid), or the table 二 row (rules, normative_docs).</summary>
    public string? Category { get; init; }

    /// <summary>review, litigation or both for table 四 statements; all, organisations or natural for applicants.</summary>
    public string? Group { get; init; }

    /// <summary>A percentage written right after the count ("208 件（17.46%）").</summary>
    public decimal? Percent { get; init; }

    /// <summary>The figure says it includes last year's carried-over applications (含上年结转).</summary>
    public bool IncludesCarriedIn { get; init; }

    /// <summary>The verb was 答复 (answered), which some agencies use for substantive answers only.</summary>
    public bool Answered { get; init; }

    /// <summary>For table 二 counts: issued (default), in_force (现行有效) or repealed (废止).</summary>
    public string? Qualifier { get; init; }

    /// <summary>For list totals: the itemised counts, and whether every item of the list had one.</summary>
    public IReadOnlyList<decimal>? Parts { get; init; }

    public bool PartsComplete { get; init; }

    /// <summary>For list totals and restated totals: what the total counts ("主动公开政府信息").</summary>
    public string? Label { get; init; }
}
