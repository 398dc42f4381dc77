namespace PublishPipeline.Reports;

/// <summary>
/// A table row that was printed but could not be read exactly: crawled text ran its cells together ("8855698") and
/// either several digit splits or none satisfy the template's arithmetic. The row is kept out of the tables, so no rule
/// checks or sums its cells; rule C7 reports it.
/// </summary>
/// <param name="Table">proactive, requests or review_litigation.</param>
/// <param name="Row">The row as findings address it: "art20_1/normative_docs", "r3_2", "review".</param>
/// <param name="Printed">The run of digits as printed.</param>
/// <param name="Candidates">How many splits satisfy the arithmetic: 0 when none does, -1 when too many to count.</param>
/// <param name="Possible">
/// Per column, the values the cell takes in some candidate split (empty when there are none or too many to list):
/// a narrative figure found in none of them contradicts the table whatever the split.
/// </param>
public sealed record UnreadRow(string Table, string Row, string Printed, int Candidates, IReadOnlyList<IReadOnlyList<decimal>>? Possible = null);
