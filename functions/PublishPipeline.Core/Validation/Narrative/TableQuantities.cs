using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// The table quantities narrative statements describe, read from the 总计 column of table 三, table 四 and table 二.
/// A quantity over a blank or text cell is null: C1/C2 report the cell, the narrative rules do not guess.
/// </summary>
internal sealed class TableQuantities(ValidationContext context)
{
    public const string Total = "total";

    private Dictionary<string, List<CellValue>>? Requests => context.Report.Tables.Requests;

    /// <summary>The 总计 cell of a table 三 row.</summary>
    public decimal? Request(string row) => RequestCell(row, Total);

    public decimal? RequestCell(string row, string column)
    {
        var index = context.Template.Requests.ColumnIndex(column);
        return Requests is { } rows && rows.TryGetValue(row, out var cells) && index >= 0 && index < cells.Count ? cells[index].AsNumber : null;
    }

    /// <summary>Σ of the 总计 cells of the rows of one result group: "r3" = r3_1 … r3_8, "r6" = r6 or r6_1 … r6_3.</summary>
    public decimal? ResultGroup(string group) => SumRows(RowsOf(group));

    /// <summary>The template's rows of a group; a row the document lacks makes the group's sum unknown (null).</summary>
    public IReadOnlyList<string> RowsOf(string group) =>
        context.Template.Requests.Rows.Select(r => r.Key).Where(k => k == group || k.StartsWith(group + "_", StringComparison.Ordinal)).ToList();

    public decimal? SumRows(IReadOnlyList<string> rows, string column = Total)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        decimal sum = 0;
        foreach (var row in rows)
        {
            if (RequestCell(row, column) is not { } value)
            {
                return null;
            }

            sum += value;
        }

        return sum;
    }

    /// <summary>
    /// Σ over rows of the 总计 cell, or, for a row whose 总计 is blank, of its applicant columns. Null when a row is
    /// missing, holds text where a number is needed, or is blank in 总计 and every applicant column (a row of blanks is
    /// not 0: nothing to compare). <see cref="RequestSum.Substitution"/> names the rows whose 总计 was blank and the
    /// applicant figures added instead, for the finding to say so.
    /// </summary>
    public RequestSum? SumRowsOrApplicants(IReadOnlyList<string> rows)
    {
        if (rows.Count == 0 || Requests is not { } table)
        {
            return null;
        }

        var columns = context.Template.Requests.Columns;
        var totalIndex = context.Template.Requests.ColumnIndex(Total);
        decimal sum = 0;
        var exact = true;
        List<string>? substituted = null;
        foreach (var row in rows)
        {
            if (!table.TryGetValue(row, out var cells) || totalIndex < 0 || totalIndex >= cells.Count)
            {
                return null;
            }

            var total = cells[totalIndex];
            if (total.AsNumber is { } value)
            {
                sum += value;
                continue;
            }

            if (!total.IsBlank)
            {
                return null; // text in 总计 ("/"): C2 names it; nothing to compare
            }

            var figures = new List<string>();
            var filled = 0;
            for (var c = 0; c < columns.Count && c < cells.Count; c++)
            {
                if (c == totalIndex)
                {
                    continue;
                }

                if (cells[c].AsNumber is { } part)
                {
                    sum += part;
                    filled++;
                    figures.Add($"{columns[c].Label} {Show(part)}");
                }
                else if (cells[c].IsBlank)
                {
                    exact = false;
                    figures.Add($"{columns[c].Label} 空白");
                }
                else
                {
                    return null;
                }
            }

            if (filled == 0)
            {
                return null;
            }

            substituted ??= [];
            substituted.Add($"「{ShortRowLabel(row)}」{string.Join("、", figures)}");
        }

        return new RequestSum(sum, exact, substituted is null ? null : string.Join("；", substituted), substituted?.Count ?? 0, rows.Count);
    }

    /// <summary>The row's own words: "（三）不予公开/1.属于国家秘密" → "（三）不予公开 1.属于国家秘密", the 2021 note of (二) dropped.</summary>
    private string ShortRowLabel(string row)
    {
        var label = context.Template.Requests.Row(row)?.Label ?? row;
        var note = label.IndexOf("（区分", StringComparison.Ordinal);
        return (note > 0 ? label[..note] : label).Replace('/', ' ');
    }

    /// <summary>A table 四 cell: group review / suit_direct / suit_after_review, column upheld … total.</summary>
    public decimal? Review(string group, string column)
    {
        var index = context.Template.ReviewLitigation.Columns.ToList().FindIndex(c => c.Key == column);
        return context.Report.Tables.ReviewLitigation is { } table && table.TryGetValue(group, out var cells) && index >= 0 && index < cells.Count
            ? cells[index].AsNumber
            : null;
    }

    /// <summary>The table 四 groups a statement speaks of: review → 行政复议; litigation → both 诉讼 groups.</summary>
    public static IReadOnlyList<string> ReviewGroups(string? group) => group switch
    {
        "review" => ["review"],
        "litigation" => ["suit_direct", "suit_after_review"],
        _ => ["review", "suit_direct", "suit_after_review"],
    };

    public decimal? ReviewSum(IReadOnlyList<string> groups, string column)
    {
        decimal sum = 0;
        foreach (var group in groups)
        {
            if (Review(group, column) is not { } value)
            {
                return null;
            }

            sum += value;
        }

        return sum;
    }

    public decimal? Proactive(string item, string row, string column)
    {
        var definition = context.Template.Proactive.FirstOrDefault(p => p.Key == item);
        var index = definition?.Columns.ToList().FindIndex(c => c.Key == column) ?? -1;
        return context.Report.Tables.Proactive is { } proactive && proactive.TryGetValue(item, out var rows) && rows.TryGetValue(row, out var cells) && index >= 0 && index < cells.Count
            ? cells[index].AsNumber
            : null;
    }

    public string RequestCellName(string row) => context.CellName(ValidationContext.Requests, row, context.Template.Requests.ColumnIndex(Total));

    public static string Show(decimal value) => ValidationContext.Number(value);
}
