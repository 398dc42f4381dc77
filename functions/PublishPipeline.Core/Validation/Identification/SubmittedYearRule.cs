using System.Globalization;
using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Identification;

/// <summary>
/// A8: a report is (agency, year), and the year it was submitted for is the year of its page. A draft whose own year
/// (read from its title, else its period) is another year would be published over, or withdrawn from, the wrong
/// page, so it is an error naming both years. A draft that states no year takes the submission's (A1 asks for it).
/// </summary>
public sealed partial class SubmittedYearRule : IValidationRule
{
    public string Id => "A8";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Inputs.SubmittedForYear is not { } submitted)
        {
            yield return NotChecked.For(Id, "本次提交的报告年度", "无法核对报告写明的年度是否就是提交的年度", new FindingLocation { Section = "title" });
            yield break;
        }

        if (context.Report.Year is not { } year || year == submitted)
        {
            yield break;
        }

        var (where, section) = WhereTheYearIsRead(context, year);
        yield return new Finding
        {
            Rule = Id,
            Severity = Severity.Error,
            Location = section is null ? null : new FindingLocation { Section = section },
            Expected = submitted,
            Actual = year,
            Message = $"{where}写的是{year}年，但本次提交的是{submitted}年度的报告：请核对年度后重新提交"
                + $"（如提交的年度无误，请改正报告中的年度；如本报告确为{year}年度报告，请按{year}年度提交）",
        };
    }

    /// <summary>Where the report states <paramref name="year"/>: the title and the period (as the reader reads them), or the report as a whole.</summary>
    private static (string Where, string? Section) WhereTheYearIsRead(ValidationContext context, int year)
    {
        var inTitle = context.Text("title") is { } title && TitleYear().Match(title.Folded) is { Success: true } match
            && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) == year;
        var inPeriod = context.Report.Period is { } period && period.From.StartsWith(year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return (inTitle, inPeriod) switch
        {
            (true, true) => ("报告标题和统计期限", "title"),
            (true, false) => ("报告标题", "title"),
            (false, true) => ("报告的统计期限", "preamble"),
            _ => ("报告", null),
        };
    }

    /// <summary>The first year in the title, as the reader takes it for the report year.</summary>
    [GeneratedRegex(@"((?:19|20)\d{2})\s*年")]
    private static partial Regex TitleYear();
}
