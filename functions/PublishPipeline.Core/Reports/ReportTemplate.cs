namespace PublishPipeline.Reports;

/// <summary>
/// One national template (2019 试行 or 2021) as data, loaded from templates.json: sections with their heading
/// aliases, the items of table 二, the rows and columns of table 三, the groups and columns of table 四.
/// </summary>
public sealed class ReportTemplate
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string IssuedBy { get; init; }

    public required int FirstYear { get; init; }

    /// <summary>The last report year the template applies to; null while it is current.</summary>
    public int? LastYear { get; init; }

    public required IReadOnlyList<SectionDefinition> Sections { get; init; }

    public required IReadOnlyList<ProactiveItem> Proactive { get; init; }

    public required RequestsTable Requests { get; init; }

    public required ReviewLitigationTable ReviewLitigation { get; init; }

    public bool AppliesTo(int year) => year >= FirstYear && (LastYear is null || year <= LastYear);
}

public sealed record SectionDefinition(string Number, string Key, string Label, IReadOnlyList<string> Aliases);

public sealed record KeyedLabel(string Key, string Label);

/// <summary>A column of table 二 with its value type: int, signed_int, decimal_wan_yuan, money_unit_unspecified.</summary>
public sealed record ProactiveColumn(string Key, string Label, string Type);

/// <summary>One 第二十条第（N）项 sub-table of table 二.</summary>
public sealed record ProactiveItem(string Key, string Label, IReadOnlyList<KeyedLabel> Rows, IReadOnlyList<ProactiveColumn> Columns);

public sealed class RequestsTable
{
    public required IReadOnlyList<KeyedLabel> Columns { get; init; }

    public required string HeaderNote { get; init; }

    /// <summary>Rows in printed order; a sub-row's label is "group/item", e.g. "（三）不予公开/1.属于国家秘密".</summary>
    public required IReadOnlyList<KeyedLabel> Rows { get; init; }

    /// <summary>The result rows (r1 … r6*) whose sum is （七）总计.</summary>
    public IEnumerable<KeyedLabel> ResultRows => Rows.Where(r => IsResultRow(r.Key));

    /// <summary>Result rows are keyed r1 … r6*: the one definition the D2 rule and the fix solver share.</summary>
    public static bool IsResultRow(string key) => key.StartsWith('r');

    public int ColumnIndex(string key)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    public KeyedLabel? Row(string key) => Rows.FirstOrDefault(r => r.Key == key);
}

public sealed class ReviewLitigationTable
{
    /// <summary>review, suit_direct, suit_after_review; a label "行政诉讼/复议后起诉" names the parent group first.</summary>
    public required IReadOnlyList<KeyedLabel> Groups { get; init; }

    /// <summary>upheld, corrected, other, pending, total.</summary>
    public required IReadOnlyList<KeyedLabel> Columns { get; init; }
}
