using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// F3: each result category the narrative counts equals its table 三 subtotal (予以公开+部分公开 = (一)+(二), 不予公开 =
/// Σ(三), 无法提供 = Σ(四), 不予处理 = Σ(五), 其他处理 = Σ(六); 2021 不予补正 = (六)1, 逾期未缴费 = (六)2), and every
/// percentage written after a count is that count's share of (七)总计 (±0.01). Reasons the template does not print
/// (撤回, and in 2019 不予补正) are parts of (六)其他处理: more of them than (六) holds is a warning, not an error.
/// Where a row's 总计 is blank (an office that filled only the applicant columns), the row counts by the sum of its
/// applicant columns and the finding says so; a row blank everywhere is not 0, and gives nothing to compare.
/// </summary>
public sealed class ResultCountRule : IValidationRule
{
    private static readonly Dictionary<string, (string[] Groups, string Name)> Exact = new(StringComparer.Ordinal)
    {
        ["disclosed"] = (["r1"], "（一）予以公开"),
        ["partly"] = (["r2"], "（二）部分公开"),
        ["disclosed_or_partly"] = (["r1", "r2"], "（一）予以公开+（二）部分公开"),
        ["not_disclosed"] = (["r3"], "（三）不予公开各项之和"),
        ["cannot_provide"] = (["r4"], "（四）无法提供各项之和"),
        ["not_processed"] = (["r5"], "（五）不予处理各项之和"),
        ["other"] = (["r6"], "（六）其他处理各项之和"),
    };

    public string Id => "F3";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var table = new TableQuantities(context);
        if (context.Report.Tables.Requests is null)
        {
            yield break;
        }

        // A blank (七)总计 is replaced by its applicant columns as the categories are; only an exact sum is a base for shares.
        var whole = table.SumRowsOrApplicants(["total"]);
        var total = whole is { Exact: true } ? whole.Value : (decimal?)null;
        var totalName = whole is { FromTotals: false } ? "(七)总计（总计列空白，按申请人各列相加）" : "(七)总计";
        var split2021 = table.RowsOf("r6").Contains("r6_1");
        var partsOfOther = new List<NarrativeStatement>();
        foreach (var statement in context.Statements.Where(s => s.Kind == StatementKind.ResultCount && s.Value is not null))
        {
            var value = statement.Value!.Value;
            (string[] Rows, string Name)? target = statement.Category switch
            {
                { } c when Exact.TryGetValue(c, out var exact) => (exact.Groups.SelectMany(table.RowsOf).ToArray(), exact.Name),
                "not_supplemented" when split2021 => (["r6_1"], "（六）其他处理 1.逾期不补正"),
                "fee_unpaid" when split2021 => (["r6_2"], "（六）其他处理 2.逾期未缴费"),
                _ => null,
            };

            if (target is null)
            {
                partsOfOther.Add(statement);
            }
            else if (table.SumRowsOrApplicants(target.Value.Rows) is { } tableValue && tableValue.Contradicts(value))
            {
                var single = target.Value.Rows.Length == 1 ? target.Value.Rows[0] : null;
                var says = tableValue.FromTotals
                    ? $"“{statement.Phrase}”与表三「{target.Value.Name}」（总计列）不一致：表中为 {TableQuantities.Show(tableValue.Value)}，正文为 {TableQuantities.Show(value)}"
                    : $"“{statement.Phrase}”与表中数字不一致：{tableValue.Explain(target.Value.Name)}，正文为 {TableQuantities.Show(value)}";
                yield return NarrativeFinding.Create(Id, Severity.Error, statement, says, ValidationContext.Requests, single, TableQuantities.Total, tableValue.Value, value);
            }

            if (statement.Percent is { } percent && total is > 0)
            {
                var share = value * 100 / total.Value;
                var decimals = BitConverter.GetBytes(decimal.GetBits(percent)[3])[2];
                var tolerance = Math.Max(0.01m, 0.5m / (decimal)Math.Pow(10, decimals)) + 0.000001m;
                if (Math.Abs(share - percent) > tolerance)
                {
                    yield return NarrativeFinding.Create(
                        Id,
                        Severity.Error,
                        statement,
                        $"百分比与数字不符：{TableQuantities.Show(value)}÷{totalName} {TableQuantities.Show(total.Value)}={Math.Round(share, 2)}%，正文写作 {TableQuantities.Show(percent)}%",
                        ValidationContext.Requests,
                        "total",
                        TableQuantities.Total,
                        Math.Round(share, 2),
                        percent);
                }
            }
        }

        // 撤回 (and in 2019 不予补正/逾期未缴费) are counted in (六)其他处理 by convention; the template prints no row for them.
        var standalone = partsOfOther.Where(s => !s.Sentence.Contains("其他处理", StringComparison.Ordinal) || s.Category != "withdrawn").ToList();
        if (standalone.Count > 0 && table.SumRowsOrApplicants(table.RowsOf("r6")) is { Exact: true, Value: var other } && standalone.Sum(s => s.Value!.Value) is var sum && sum > other)
        {
            var listed = string.Join("、", standalone.Select(s => $"“{s.Phrase}”"));
            yield return NarrativeFinding.Create(
                Id,
                Severity.Warning,
                standalone[0],
                $"{listed}合计 {TableQuantities.Show(sum)} 件，这些情形在表三中计入「（六）其他处理」，但该项总计只有 {TableQuantities.Show(other)} 件。请核对正文的分类或表三",
                ValidationContext.Requests,
                split2021 ? null : "r6",
                TableQuantities.Total,
                other,
                sum);
        }

        foreach (var withdrawn in partsOfOther.Except(standalone))
        {
            if (table.SumRowsOrApplicants(table.RowsOf("r6")) is { Exact: true, Value: var o } && withdrawn.Value > o)
            {
                yield return NarrativeFinding.Create(Id, Severity.Warning, withdrawn, $"“{withdrawn.Phrase}”多于表三「（六）其他处理」总计 {TableQuantities.Show(o)} 件", ValidationContext.Requests, null, TableQuantities.Total, o, withdrawn.Value);
            }
        }
    }
}
