using PublishPipeline.Reports;

namespace PublishPipeline.Site.Model;

/// <summary>
/// The figures of one report (or the sum over many) that the year pages chart and the year CSV lists: applications
/// received and their outcomes (table 三's 总计 column), 行政复议 and 行政诉讼 results (table 四). A measure is null in
/// a report whose cell is blank, text or missing; a sum counts the reports it could not add (<see cref="Incomplete"/>)
/// instead of treating blanks as 0.
/// </summary>
public sealed record ReportFigures
{
    /// <summary>The measures in display order: key (stable, ASCII, used in CSV headers) and Chinese label.</summary>
    public static IReadOnlyList<(string Key, string Label)> Measures { get; } =
    [
        ("requests_new", "本年新收申请"),
        ("requests_carried_in", "上年结转申请"),
        ("granted", "予以公开"),
        ("partly_granted", "部分公开"),
        ("refused", "不予公开"),
        ("unable", "无法提供"),
        ("not_processed", "不予处理"),
        ("other_handling", "其他处理"),
        ("requests_closed", "办理结果总计"),
        ("requests_carried_out", "结转下年度继续办理"),
        ("review_upheld", "行政复议：结果维持"),
        ("review_corrected", "行政复议：结果纠正"),
        ("review_other", "行政复议：其他结果"),
        ("review_pending", "行政复议：尚未审结"),
        ("review_total", "行政复议：总计"),
        ("suit_upheld", "行政诉讼：结果维持"),
        ("suit_corrected", "行政诉讼：结果纠正"),
        ("suit_other", "行政诉讼：其他结果"),
        ("suit_pending", "行政诉讼：尚未审结"),
        ("suit_total", "行政诉讼：总计"),
    ];

    /// <summary>Values in the order of <see cref="Measures"/>; null where the report's cell could not be read as a number.</summary>
    public required decimal?[] Values { get; init; }

    /// <summary>For a sum: per measure, how many reports had no number there and were left out of it.</summary>
    public int[] Incomplete { get; init; } = new int[Measures.Count];

    /// <summary>For a sum: how many reports it covers (1 for one report).</summary>
    public int Reports { get; init; } = 1;

    public static ReportFigures Empty => new() { Values = new decimal?[Measures.Count], Reports = 0 };

    public decimal? this[string key] => Values[IndexOf(key)];

    public static int IndexOf(string key)
    {
        for (var i = 0; i < Measures.Count; i++)
        {
            if (Measures[i].Key == key)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(key), key, "not a figure");
    }

    /// <summary>The figures of one report. Table 三's outcome groups are its 总计 column, summed over the group's rows.</summary>
    public static ReportFigures Of(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var values = new decimal?[Measures.Count];
        var requests = report.Tables.Requests;
        var review = report.Tables.ReviewLitigation;

        decimal? Total(params string[] rows)
        {
            if (requests is null)
            {
                return null;
            }

            decimal sum = 0;
            var any = false;
            foreach (var row in rows)
            {
                if (!requests.TryGetValue(row, out var cells))
                {
                    continue;
                }

                if (cells.Count < 7 || cells[6].AsNumber is not { } n)
                {
                    return null;
                }

                sum += n;
                any = true;
            }

            return any ? sum : null;
        }

        decimal? Cell(string group, int index) =>
            review is not null && review.TryGetValue(group, out var cells) && index < cells.Count ? cells[index].AsNumber : null;

        decimal? Plus(decimal? a, decimal? b) => a is { } x && b is { } y ? x + y : null;

        values[0] = Total("new");
        values[1] = Total("carried_in");
        values[2] = Total("r1");
        values[3] = Total("r2");
        values[4] = Total("r3_1", "r3_2", "r3_3", "r3_4", "r3_5", "r3_6", "r3_7", "r3_8");
        values[5] = Total("r4_1", "r4_2", "r4_3");
        values[6] = Total("r5_1", "r5_2", "r5_3", "r5_4", "r5_5");
        values[7] = Total("r6", "r6_1", "r6_2", "r6_3");
        values[8] = Total("total");
        values[9] = Total("carried_out");
        for (var i = 0; i < 5; i++)
        {
            values[10 + i] = Cell("review", i);
            values[15 + i] = Plus(Cell("suit_direct", i), Cell("suit_after_review", i));
        }

        return new ReportFigures { Values = values };
    }

    /// <summary>The sum over reports (or over sums): a measure adds the numbers it has and counts what it lacked.</summary>
    public static ReportFigures Sum(IEnumerable<ReportFigures> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var values = new decimal?[Measures.Count];
        var incomplete = new int[Measures.Count];
        var reports = 0;
        foreach (var part in parts)
        {
            reports += part.Reports;
            for (var i = 0; i < values.Length; i++)
            {
                if (part.Values[i] is { } v)
                {
                    values[i] = (values[i] ?? 0) + v;
                }
                else
                {
                    incomplete[i] += part.Reports;
                }

                incomplete[i] += part.Incomplete[i];
            }
        }

        for (var i = 0; i < values.Length; i++)
        {
            // A sum over reports that all lacked the measure is 0 of them added: show 0 with the count left out.
            values[i] ??= reports > 0 ? 0 : null;
        }

        return new ReportFigures { Values = values, Incomplete = incomplete, Reports = reports };
    }
}
