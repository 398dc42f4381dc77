using System.Runtime.CompilerServices;
using PublishPipeline.Reports;

namespace PublishPipeline.Site;

/// <summary>A header cell of a table, with its span written out once (not per page).</summary>
internal sealed record HeaderCell(string Text, string Scope, int ColSpan = 1, int RowSpan = 1)
{
    public string? ColSpanAttribute { get; } = ColSpan > 1 ? ColSpan.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    public string? RowSpanAttribute { get; } = RowSpan > 1 ? RowSpan.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>A row of table 三 as the template prints it: a top-level row (一、二、四、), or a result row, maybe inside a group.</summary>
internal sealed record RequestsRowShape(string Key, bool TopLevel, string? Group, string Label);

/// <summary>
/// The parts of a page layout that depend only on the template (labels split into groups, the merged theads), worked
/// out once per template and cached, so rendering a page never re-reads or re-parses the template.
/// </summary>
internal sealed class TemplateLayout
{
    private static readonly ConditionalWeakTable<ReportTemplate, TemplateLayout> Cache = new();

    private TemplateLayout(ReportTemplate template)
    {
        RequestsRows = template.Requests.Rows.Select(ShapeOf).ToArray();
        RequestsHead = BuildRequestsHead(template.Requests);
        ReviewLitigationHead = BuildReviewLitigationHead(template.ReviewLitigation);
        ReviewLitigationCellCount = template.ReviewLitigation.Groups.Count * template.ReviewLitigation.Columns.Count;
    }

    public IReadOnlyList<RequestsRowShape> RequestsRows { get; }

    /// <summary>The three rows of table 三's thead.</summary>
    public IReadOnlyList<IReadOnlyList<HeaderCell>> RequestsHead { get; }

    /// <summary>The three rows of table 四's thead.</summary>
    public IReadOnlyList<IReadOnlyList<HeaderCell>> ReviewLitigationHead { get; }

    public int ReviewLitigationCellCount { get; }

    public static TemplateLayout For(ReportTemplate template) => Cache.GetValue(template, static t => new TemplateLayout(t));

    private static RequestsRowShape ShapeOf(KeyedLabel row)
    {
        var slash = row.Label.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            return new RequestsRowShape(row.Key, TopLevel: false, row.Label[..slash], row.Label[(slash + 1)..]);
        }

        // "一、本年新收…", "二、上年结转…", "四、结转下年度…" stand outside 三、本年度办理结果; "（一）予以公开" and "（七）总计" inside.
        return new RequestsRowShape(row.Key, IsTopLevelLabel(row.Label), null, row.Label);
    }

    private static bool IsTopLevelLabel(string label)
    {
        var comma = label.IndexOf('、', StringComparison.Ordinal);
        return comma > 0 && label.AsSpan(0, comma).IndexOfAnyExcept("一二三四五六七八九十") < 0;
    }

    /// <summary>
    /// The official thead: the 勾稽关系 note over the three row-header columns, 申请人情况 over all values, then
    /// 自然人 / 法人或其他组织 (its five kinds) / 总计.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<HeaderCell>> BuildRequestsHead(RequestsTable table)
    {
        var columns = table.Columns;
        var first = new HeaderCell[]
        {
            new(table.HeaderNote, "col", ColSpan: 3, RowSpan: 3),
            new(SiteText.Applicants, "colgroup", ColSpan: columns.Count),
        };
        var second = new List<HeaderCell> { new(columns[0].Label, "col", RowSpan: 2) };
        second.Add(new HeaderCell(SiteText.Organisations, "colgroup", ColSpan: columns.Count - 2));
        second.Add(new HeaderCell(columns[^1].Label, "col", RowSpan: 2));
        var third = columns.Skip(1).Take(columns.Count - 2).Select(c => new HeaderCell(c.Label, "col")).ToArray();
        return [first, second, third];
    }

    /// <summary>
    /// The official thead of table 四: a group label "行政诉讼/复议后起诉" names its parent first, so consecutive groups
    /// with the same parent share a top cell (行政诉讼 over 未经复议直接起诉 and 复议后起诉).
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<HeaderCell>> BuildReviewLitigationHead(ReviewLitigationTable table)
    {
        var width = table.Columns.Count;
        var top = new List<HeaderCell>();
        var middle = new List<HeaderCell>();
        var bottom = new List<HeaderCell>();
        var groups = table.Groups;
        for (var i = 0; i < groups.Count;)
        {
            var (parent, child) = Split(groups[i].Label);
            if (child is null)
            {
                top.Add(new HeaderCell(parent, "colgroup", ColSpan: width));
                middle.AddRange(table.Columns.Select(c => new HeaderCell(c.Label, "col", RowSpan: 2)));
                i++;
                continue;
            }

            var run = 0;
            while (i + run < groups.Count && Split(groups[i + run].Label).Parent == parent)
            {
                var sub = Split(groups[i + run].Label).Child ?? parent;
                middle.Add(new HeaderCell(sub, "colgroup", ColSpan: width));
                bottom.AddRange(table.Columns.Select(c => new HeaderCell(c.Label, "col")));
                run++;
            }

            top.Add(new HeaderCell(parent, "colgroup", ColSpan: width * run));
            i += run;
        }

        return bottom.Count > 0 ? [top, middle, bottom] : [top, middle];
    }

    private static (string Parent, string? Child) Split(string label)
    {
        var slash = label.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? (label[..slash], label[(slash + 1)..]) : (label, null);
    }
}
