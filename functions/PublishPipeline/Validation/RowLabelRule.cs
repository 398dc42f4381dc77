using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

/// <summary>
/// B5: row labels as printed match the template after folding (C5): flags 规范性文件 in a 2021+ table (行政规范性文件)
/// and notes appended to a label (规章(县级无此项)). Works on the labels the reader recorded in <see cref="ReportTables.Labels"/>.
/// </summary>
public sealed class RowLabelRule : IValidationRule
{
    public string Id => "B5";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Report.Tables.Labels is not { Count: > 0 } labels)
        {
            yield break;
        }

        foreach (var (address, printed) in labels)
        {
            var slash = address.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                continue;
            }

            var table = address[..slash];
            var row = address[(slash + 1)..];
            var expected = ExpectedLabel(context, table, row);
            if (expected is null)
            {
                continue;
            }

            // Most labels are printed as the template has them; equal labels normalise equally, so skip the folding.
            if (string.Equals(printed, expected, StringComparison.Ordinal))
            {
                continue;
            }

            var normalPrinted = Normalise(printed);
            var normalExpected = Normalise(expected);
            if (normalPrinted == normalExpected)
            {
                continue;
            }

            var note = normalPrinted.StartsWith(normalExpected, StringComparison.Ordinal) ? "标签后附加了说明，说明应写入正文；" : "";
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Warning,
                Location = new FindingLocation { Table = table, Row = row },
                Message = $"{ValidationContext.TableName(table)}的行标签“{printed}”与格式不一致：{note}应为“{expected}”",
            };
        }
    }

    private static string? ExpectedLabel(ValidationContext context, string table, string row)
    {
        if (table == ValidationContext.Proactive)
        {
            var parts = row.Split('/');
            return parts.Length == 2 ? context.Template.Proactive.FirstOrDefault(p => p.Key == parts[0])?.Rows.FirstOrDefault(r => r.Key == parts[1])?.Label : null;
        }

        var label = table == ValidationContext.Requests ? context.Template.Requests.Row(row)?.Label : null;
        return label is null ? null : label[(label.IndexOf('/', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>Width, script, whitespace and quotes folded; the leading enumeration ("1.", "(一)") kept.</summary>
    private static string Normalise(string label)
    {
        var simplified = ChineseScript.Simplify(TextFolding.FoldWidth(label));
        var kept = simplified.Length <= 256 ? stackalloc char[simplified.Length] : new char[simplified.Length];
        var length = 0;
        foreach (var c in simplified)
        {
            if (!char.IsWhiteSpace(c) && c is not ('"' or '\''))
            {
                kept[length++] = c;
            }
        }

        return new string(kept[..length]);
    }
}
