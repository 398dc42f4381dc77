using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// F5: the narrative's 主动公开 规章/规范性文件 counts agree with table 二 第(一)项. "规章13件（含新制定5件…废止4件）"
/// may count 制发 or 制发+废止, so every plausible column is a reading and a mismatch is one warning naming them.
/// </summary>
public sealed class ProactiveCountRule : IValidationRule
{
    public string Id => "F5";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var table = new TableQuantities(context);
        var is2021 = context.Template.Id != "2019";
        foreach (var statement in context.Statements.Where(s => s.Kind == StatementKind.ProactiveCount && s.Value is not null))
        {
            var row = statement.Category!;
            var readings = (statement.Qualifier, is2021) switch
            {
                ("in_force", true) => new[] { ("in_force", "现行有效件数", table.Proactive("art20_1", row, "in_force")) },
                ("in_force", false) => [("total_published", "对外公开总数量", table.Proactive("art20_1", row, "total_published"))],
                ("repealed", true) => [("repealed", "本年废止件数", table.Proactive("art20_1", row, "repealed"))],
                ("repealed", false) => [],
                (_, true) => [("issued", "本年制发件数", table.Proactive("art20_1", row, "issued")), ("issued", "本年制发件数+本年废止件数", table.Proactive("art20_1", row, "issued") + table.Proactive("art20_1", row, "repealed"))],
                _ => [("new_published", "本年新公开数量", table.Proactive("art20_1", row, "new_published")), ("new_made", "本年新制作数量", table.Proactive("art20_1", row, "new_made"))],
            };
            var known = readings.Where(r => r.Item3 is not null).ToList();
            var rowName = row == "rules" ? "规章" : is2021 ? "行政规范性文件" : "规范性文件";
            if (known.Count == 0 && !readings.Any(r => r.Item2.Contains('+', StringComparison.Ordinal)) && Impossible(context, row, statement.Value!.Value, readings.Select(r => r.Item1).Distinct().ToList()) is { } unread)
            {
                // The row could not be read exactly (C7), but no split of its digits gives the narrative's figure.
                yield return NarrativeFinding.Create(
                    Id,
                    Severity.Warning,
                    statement,
                    $"“{statement.Phrase}”与表二「第二十条第（一）项 {rowName}」不一致：该行印作“{unread.Printed}”，无论怎样拆分，{string.Join("、", readings.Select(r => r.Item2).Distinct())}都不可能为 {TableQuantities.Show(statement.Value!.Value)}",
                    ValidationContext.Proactive,
                    ValidationContext.ProactiveKey("art20_1", row),
                    readings[0].Item1,
                    null,
                    statement.Value);
                continue;
            }

            if (known.Count == 0 || known.Any(r => r.Item3 == statement.Value))
            {
                continue;
            }

            yield return NarrativeFinding.Create(
                Id,
                Severity.Warning,
                statement,
                $"“{statement.Phrase}”与表二「第二十条第（一）项 {rowName}」不一致：{string.Join("；", known.Select(r => $"{r.Item2}为 {TableQuantities.Show(r.Item3!.Value)}"))}，正文为 {TableQuantities.Show(statement.Value!.Value)}",
                ValidationContext.Proactive,
                ValidationContext.ProactiveKey("art20_1", row),
                known[0].Item1,
                known[0].Item3,
                statement.Value);
        }
    }

    /// <summary>
    /// The unread row (C7) when the value fits none of its candidate splits in any of the columns the narrative may mean;
    /// null when the row was read, lists no candidates, or some split allows the value.
    /// </summary>
    private static UnreadRow? Impossible(ValidationContext context, string row, decimal value, IReadOnlyList<string> columns)
    {
        var address = ValidationContext.ProactiveKey("art20_1", row);
        if (context.Report.Tables.Unread?.Find(u => u.Table == ValidationContext.Proactive && u.Row == address) is not { Possible: { } possible } unread
            || context.Template.Proactive.FirstOrDefault(p => p.Key == "art20_1") is not { } item || columns.Count == 0)
        {
            return null;
        }

        foreach (var column in columns)
        {
            var index = item.Columns.ToList().FindIndex(c => c.Key == column);
            if (index < 0 || index >= possible.Count || possible[index].Contains(value))
            {
                return null;
            }
        }

        return unread;
    }
}
