namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// A table 三 quantity over one or more rows, for a narrative figure to be compared with. Each row counts by its 总计
/// cell; a row whose 总计 is blank counts by the sum of its applicant columns instead (an office that filled only the
/// applicant columns). <see cref="Exact"/> is false when some of those applicant cells are blank too: blank is not 0,
/// so <see cref="Value"/> is then only what the table already holds at least.
/// </summary>
internal sealed record RequestSum(decimal Value, bool Exact, string? Substitution, int SubstitutedRows, int Rows)
{
    /// <summary>True when every row counted by its 总计 cell (no substitution was needed).</summary>
    public bool FromTotals => Substitution is null;

    /// <summary>
    /// Whether a narrative figure contradicts this quantity: any difference when it is exact, and a figure below what
    /// the filled cells already add up to when some are blank (the blanks may hold anything but a negative count).
    /// </summary>
    public bool Contradicts(decimal figure) => Exact ? figure != Value : figure < Value;

    /// <summary>How the table's side was obtained, for a finding: nothing when every row had its 总计.</summary>
    public string Explain(string name) => FromTotals
        ? $"表三「{name}」（总计列）为 {TableQuantities.Show(Value)}"
        : $"表三「{name}」的总计列空白，改以申请人各列相加（{Substitution}{(SubstitutedRows < Rows ? "；其余各行取总计列" : "")}）"
            + (Exact ? $"为 {TableQuantities.Show(Value)}" : $"，已填之数合计已有 {TableQuantities.Show(Value)}（空白不计为 0）");
}
