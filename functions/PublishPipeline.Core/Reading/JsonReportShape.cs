using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

/// <summary>
/// Whether a report deserialised from an uploaded JSON file has the shape every other reader guarantees: no null where
/// the model has none (a section, a heading, a table's row, a label), and table 二's items are the templates' own.
/// The deserialiser alone lets both through (JSON <c>null</c> fits any reference), and the rules rely on them; the
/// answer names the first place, as a JSON path, so the agency can find it.
/// </summary>
internal static class JsonReportShape
{
    private static readonly Lazy<HashSet<string>> ProactiveItems =
        new(() => TemplateCatalog.All.SelectMany(t => t.Proactive).Select(p => p.Key).ToHashSet(StringComparer.Ordinal));

    /// <summary>The first problem ("report.sections[2].heading 不能为 null"), or null when the report is well formed.</summary>
    public static string? Problem(Report? report)
    {
        if (report is null)
        {
            return "缺少 report（报告内容）";
        }

        // A context per call: NullabilityInfoContext is not thread-safe, and the reader serves concurrent uploads.
        if (Walk(report, "report", new NullabilityInfoContext()) is { } problem)
        {
            return problem;
        }

        var unknown = report.Tables.Proactive?.Keys.FirstOrDefault(item => !ProactiveItems.Value.Contains(item));
        if (unknown is not null)
        {
            return $"report.tables.proactive 中的“{unknown}”不是年度报告模板中的项目（应为 {string.Join("、", ProactiveItems.Value)} 之一）";
        }

        // The rules read the year out of these dates, as the text readers write them.
        return NotDate(report.Period?.From, "report.period.from") ?? NotDate(report.Period?.To, "report.period.to")
            ?? NotDate(report.PublishedOn, "report.published_on");
    }

    private static string? NotDate(string? value, string path) =>
        value is null || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : $"{path} 的值“{value}”不是 yyyy-MM-dd 格式的日期";

    private static string? Walk(object value, string path, NullabilityInfoContext nullability)
    {
        switch (value)
        {
            // Numbers as the text readers give them (CellParser): beyond, the rules' sums overflow.
            case CellValue { IsNumber: true } cell when Math.Abs(cell.Number) >= CellParser.MaxMagnitude:
                return $"{path} 的数值 {cell.Number} 超出范围（绝对值应小于 10 的 15 次方）";
            case decimal number when Math.Abs(number) >= CellParser.MaxMagnitude:
                return $"{path} 的数值 {number} 超出范围（绝对值应小于 10 的 15 次方）";
            case string or CellValue:
                return null;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var at = $"{path}.{entry.Key}";
                    if ((entry.Value is null ? $"{at} 不能为 null" : Walk(entry.Value, at, nullability)) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    var at = $"{path}[{index++}]";
                    if ((item is null ? $"{at} 不能为 null" : Walk(item, at, nullability)) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
        }

        // Only the report model's own classes are walked: numbers, enums and strings have nothing inside to be null.
        var type = value.GetType();
        if (type.IsValueType || type.Namespace != typeof(Report).Namespace)
        {
            return null;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
            {
                continue;
            }

            var at = $"{path}.{JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name)}";
            var child = property.GetValue(value);
            var problem = child is null
                ? nullability.Create(property).ReadState == NullabilityState.NotNull ? $"{at} 不能为 null" : null
                : Walk(child, at, nullability);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }
}
