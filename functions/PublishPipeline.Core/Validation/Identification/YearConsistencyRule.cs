using System.Globalization;
using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Identification;

/// <summary>
/// A5: the title's year, the period's year and the years the narrative opens its sentences with ("2021年，我局…")
/// are the report year. A sentence starting with another year is usually copied from last year's report.
/// </summary>
public sealed partial class YearConsistencyRule : IValidationRule
{
    public string Id => "A5";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = context.Report;
        if (report.Year is not { } year)
        {
            yield break;
        }

        if (context.Text("title") is { } title && TitleYear().Match(title.Folded) is { Success: true } t
            && int.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture) is var titleYear && titleYear != year)
        {
            yield return Warning("title", $"标题中的年份 {titleYear} 与报告年度 {year} 不一致");
        }

        if (report.Period is { } period && int.Parse(period.From.AsSpan(0, 4), CultureInfo.InvariantCulture) is var periodYear && periodYear != year)
        {
            yield return Warning("preamble", $"统计期限的年份 {periodYear} 与标题中的报告年度 {year} 不一致");
        }

        // 五 and 六 legitimately speak of last year's problems and next year's plans.
        foreach (var text in context.Texts.Where(t => t.Section is "overview" or "proactive" or "requests" or "review_litigation"))
        {
            foreach (Match match in OpeningYear().Matches(text.Folded))
            {
                var seen = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
                if (seen != year)
                {
                    yield return Warning(
                        text.Section,
                        $"{context.SectionName(text.Section)}的句子“{ValidationContext.Sentence(text.Original, match.Groups["year"].Index)}”以 {seen} 年开头，但本报告是 {year} 年度报告：请核对是否沿用了其他年度报告的内容");
                }
            }
        }
    }

    private Finding Warning(string section, string message) => new()
    {
        Rule = Id,
        Severity = Severity.Warning,
        Location = new FindingLocation { Section = section },
        Message = message,
    };

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年")]
    private static partial Regex TitleYear();

    /// <summary>"2020年，我局…" / "2020年度,本机关…" at the start of a sentence or line.</summary>
    /// <remarks>The sentence start is a look-behind, so the search is driven by the year's digits, not tried at every position.</remarks>
    [GeneratedRegex(@"(?<=(?:^|[。；!?\n])\s*(?:[(（]?[一二三四五六七八九十\d]+[)）、.]\s*)?)(?<year>(?:19|20)\d{2})\s*年度?\s*[,，]", RegexOptions.Multiline)]
    private static partial Regex OpeningYear();
}
