using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Identification;

/// <summary>
/// A6: the basis cited matches the template of the year. From 2021 the format is 国办公开办函〔2021〕30号; citing the
/// superseded 〔2019〕60号 (or its 试行 format) is outdated. A 2019/2020 report cannot cite the 2021 notice.
/// </summary>
public sealed partial class TemplateCitationRule : IValidationRule
{
    public string Id => "A6";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequiredTemplate is not { } required)
        {
            yield break;
        }

        var year = context.Report.Year!.Value;
        foreach (var text in context.Texts)
        {
            foreach (Match match in Citation().Matches(text.Folded))
            {
                var cited = match.Groups["year"].Value;
                var citedTemplate = cited == "2019" ? "2019" : "2021";
                if (citedTemplate == required.Id)
                {
                    continue;
                }

                yield return new Finding
                {
                    Rule = Id,
                    Severity = Severity.Warning,
                    Location = new FindingLocation { Section = text.Section },
                    Message = $"{context.SectionName(text.Section)}引用了“{match.Value}”（“{ValidationContext.Sentence(text.Original, match.Index)}”），"
                        + $"但 {year} 年度报告应依据{required.IssuedBy}印发的《{required.Name}》：请更正引用的文件",
                };
            }
        }
    }

    /// <summary>国办公开办函〔2019〕60号 with any bracket the text uses (〔〕, [], （）, 【】) or none.</summary>
    [GeneratedRegex(@"国办公开办函\s*[〔\[(【]?\s*(?<year>2019|2021)\s*[〕\])】]?\s*(?:60|30)\s*号")]
    private static partial Regex Citation();
}
