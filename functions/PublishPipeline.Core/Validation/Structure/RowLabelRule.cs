using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Structure;

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

            // A mirror converted with s2twp prints the template's words in Taiwan usage (规范性文件 → 規範性檔案): that is
            // the converter's doing (I3 reports the copy), not a label the agency changed.
            var taiwanExpected = ChineseConversion.ToTaiwanPhrases(normalExpected);
            if (normalPrinted == normalExpected || normalPrinted == taiwanExpected)
            {
                continue;
            }

            // A label is the template's label (or a variant of it) and, often, a provincial note in parentheses.
            var note = TrailingNote(normalPrinted) is { } remark && remark != TrailingNote(normalExpected) ? "标签后附加了说明，说明应写入正文；" : "";
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

    /// <summary>The parenthesised remark that closes a normalised label ("(县级无此项)"), or null.</summary>
    private static string? TrailingNote(string label)
    {
        var open = label.EndsWith(')') ? label.LastIndexOf('(') : -1;
        return open > 0 ? label[open..] : null;
    }

    /// <summary>
    /// Width, script (as label matching folds it: 屬於, 反覆 too), whitespace and quotes folded; the leading
    /// enumeration ("1.", "(一)") kept.
    /// </summary>
    private static string Normalise(string label)
    {
        var folded = TextFolding.FoldWidth(label);
        var kept = folded.Length <= 256 ? stackalloc char[folded.Length] : new char[folded.Length];
        var length = 0;
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && c is not ('"' or '\''))
            {
                kept[length++] = ChineseConversion.FoldForLabel(c);
            }
        }

        return new string(kept[..length]);
    }
}
