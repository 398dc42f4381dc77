using System.Globalization;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Site.Views;

/// <summary>One bar of a chart and the matching row of its table.</summary>
/// <remarks>Coordinates are written out once as attribute strings: the label above the bar, the value after its end.</remarks>
internal sealed record FigureBar(string Label, string Value, int Incomplete, string Width, string LabelY, string BarY, string ValueX, string ValueY);

/// <summary>
/// One group of <see cref="ReportFigures"/> measures drawn as a horizontal bar chart (server-side SVG, no script) with
/// the same numbers in a table. Geometry is in viewBox units; the SVG scales to its box.
/// </summary>
internal sealed record FigureChart(string Id, string Title, string Description, IReadOnlyList<FigureBar> Bars, float Height)
{
    public const float ViewWidth = 360;
    public const float BarArea = 250;
    public const float RowHeight = 38;
    public const float BarHeight = 14;

    private static readonly (string Id, string Title, string Prefix, string[] Keys)[] Groups =
    [
        ("received", "收到申请", "", ["requests_new", "requests_carried_in"]),
        ("outcomes", "办理结果", "", ["granted", "partly_granted", "refused", "unable", "not_processed", "other_handling", "requests_closed", "requests_carried_out"]),
        ("review", "行政复议", "行政复议：", ["review_upheld", "review_corrected", "review_other", "review_pending", "review_total"]),
        ("suit", "行政诉讼", "行政诉讼：", ["suit_upheld", "suit_corrected", "suit_other", "suit_pending", "suit_total"]),
    ];

    public string ViewBox => "0 0 " + Format(ViewWidth) + " " + Format(Height);

    public string TitleId => "chart-" + Id + "-title";

    public static string BarHeightAttribute { get; } = Format(BarHeight);

    /// <summary>The charts of a sum: received, outcomes, 行政复议, 行政诉讼.</summary>
    public static FigureChart[] For(ReportFigures figures)
    {
        var charts = new FigureChart[Groups.Length];
        for (var g = 0; g < Groups.Length; g++)
        {
            var (id, title, prefix, keys) = Groups[g];
            decimal max = 0;
            foreach (var key in keys)
            {
                if (figures[key] is { } v && v > max)
                {
                    max = v;
                }
            }

            var bars = new FigureBar[keys.Length];
            var description = new System.Text.StringBuilder(title).Append('：');
            for (var i = 0; i < keys.Length; i++)
            {
                var index = ReportFigures.IndexOf(keys[i]);
                var label = ReportFigures.Measures[index].Label;
                if (prefix.Length > 0 && label.StartsWith(prefix, StringComparison.Ordinal))
                {
                    label = label[prefix.Length..];
                }

                var value = figures.Values[index] ?? 0;
                var width = max > 0 && value > 0 ? (float)(value / max) * BarArea : 0;
                var text = NumberFormat.Of(value);
                var y = i * RowHeight;
                bars[i] = new FigureBar(label, text, figures.Incomplete[index], Format(width), Format(y + 13), Format(y + 18), Format(width + 4), Format(y + 30));
                description.Append(i == 0 ? "" : "，").Append(label).Append(' ').Append(text);
            }

            charts[g] = new FigureChart(id, title, description.ToString(), bars, (keys.Length * RowHeight) + 2);
        }

        return charts;
    }

    public static string Format(float value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
