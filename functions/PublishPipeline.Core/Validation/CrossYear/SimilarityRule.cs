using System.Runtime.CompilerServices;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.CrossYear;

/// <summary>
/// G3: 总体情况 and 存在的主要问题及改进情况 copied from last year with only the years changed ("内容雷同", which the
/// 2021 format names as an accountability matter). A warning when 80% or more of a section reappears.
/// </summary>
public sealed class SimilarityRule : IValidationRule
{
    public const double Threshold = 0.8;
    private const int MinimumLength = 100;

    public string Id => "G3";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PreviousYear.Of(context) is not { } previous)
        {
            yield break;
        }

        foreach (var (key, name) in new[] { ("overview", "一、总体情况"), ("problems", "五、存在的主要问题及改进情况") })
        {
            var now = TextOverlap.Normalise(PreviousYear.Text(context.Report, key));
            var before = PreviousSection(previous, key);
            if (now.Length < MinimumLength || before.Normal.Length < MinimumLength)
            {
                continue;
            }

            var overlap = TextOverlap.Containment(now, before.Shingles);
            if (overlap >= Threshold)
            {
                yield return new Finding
                {
                    Rule = Id,
                    Severity = Severity.Warning,
                    Location = new FindingLocation { Section = key },
                    Actual = Math.Round((decimal)overlap * 100, 1),
                    Expected = (decimal)(Threshold * 100),
                    Message = $"正文「{name}」与上一年度（{previous.Year}）报告的同一部分雷同：约 {Math.Round(overlap * 100)}% 的文字相同（年份不计）。请如实反映本年度情况",
                };
            }
        }
    }

    /// <summary>
    /// Last year's section normalised and shingled. The same previous report is compared with every draft of the year,
    /// so the work is kept per report object; the raw text is compared on each use, so an edited report is redone.
    /// </summary>
    private static PreviousText PreviousSection(Report previous, string key)
    {
        var raw = PreviousYear.Text(previous, key);
        var sections = Previous.GetOrCreateValue(previous);
        lock (sections)
        {
            if (sections.TryGetValue(key, out var kept) && string.Equals(kept.Raw, raw, StringComparison.Ordinal))
            {
                return kept;
            }
        }

        var normal = TextOverlap.Normalise(raw);
        var made = new PreviousText(raw, normal, new TextOverlap.Index(normal));
        lock (sections)
        {
            sections[key] = made;
        }

        return made;
    }

    private static readonly ConditionalWeakTable<Report, Dictionary<string, PreviousText>> Previous = new();

    private sealed record PreviousText(string Raw, string Normal, TextOverlap.Index Shingles);
}
