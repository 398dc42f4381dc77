using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Structure;

/// <summary>
/// B10 (added by this project, see docs/RULES.md): inside a part, the sub-headings （一）（二）（三）… run without a gap.
/// A skipped number usually means a heading lost its number in editing or conversion — the seed's "政府信息管理方面"
/// between （二） and （四） — which readers of the published report then cannot find in the outline.
/// </summary>
public sealed class SubheadingNumberingRule : IValidationRule
{
    private const string Numerals = "一二三四五六七八九十";
    private const int MaxHeadingLength = 40;

    public string Id => "B10";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var section in context.Report.Sections)
        {
            if (section.Key is null || string.IsNullOrEmpty(section.Text))
            {
                continue;
            }

            var lines = section.Text.Split('\n');
            var previous = 0;
            var previousLine = -1;
            for (var i = 0; i < lines.Length; i++)
            {
                var number = SubheadingNumber(lines[i]);
                if (number == 0)
                {
                    continue;
                }

                if (previous > 0 && number > previous + 1)
                {
                    var missing = string.Join("、", Enumerable.Range(previous + 1, number - previous - 1).Select(n => $"（{Numerals[n - 1]}）"));
                    var candidate = lines.Skip(previousLine + 1).Take(i - previousLine - 1).Select(l => l.Trim())
                        .FirstOrDefault(l => l.Length is > 0 and <= MaxHeadingLength && !l.EndsWith('。') && !l.EndsWith('，'));
                    yield return new Finding
                    {
                        Rule = Id,
                        Severity = Severity.Warning,
                        Location = new FindingLocation { Section = section.Key },
                        Expected = previous + 1,
                        Actual = number,
                        Message = $"{context.SectionName(section.Key)}的小标题编号从（{Numerals[previous - 1]}）跳到（{Numerals[number - 1]}），缺少{missing}"
                            + (candidate is null ? "：请检查是否漏写了编号" : $"：“{candidate}”一行可能丢失了编号，应为{missing}{candidate}"),
                    };
                }

                previous = number;
                previousLine = i;
            }
        }
    }

    /// <summary>1 for "（一）主动公开方面" (full or half width parentheses), 0 for a line that is not such a heading.</summary>
    private static int SubheadingNumber(string line)
    {
        var text = line.TrimStart();
        if (text.Length < 4 || text[0] is not ('（' or '(') || text.Length > MaxHeadingLength + 4)
        {
            return 0;
        }

        var close = text.IndexOfAny(['）', ')'], 1);
        if (close != 2)
        {
            return 0;
        }

        var index = Numerals.IndexOf(text[1], StringComparison.Ordinal);
        return index < 0 ? 0 : index + 1;
    }
}
