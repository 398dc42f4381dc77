using PublishPipeline.Reports;

namespace PublishPipeline.Validation.CrossYear;

/// <summary>
/// G4 (2021+): section 五 reports the improvements made on last year's problems. It passes when the section refers to
/// the previous year (上一年度/上年/去年/{Y−1}年…问题) or shares wording with last year's 五; otherwise a warning.
/// </summary>
public sealed class ProblemsFollowUpRule : IValidationRule
{
    private const double MinimumOverlap = 0.1;

    public string Id => "G4";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PreviousYear.Of(context) is not { } previous || context.Template.Id == "2019")
        {
            yield break;
        }

        var now = PreviousYear.Text(context.Report, "problems");
        var before = TextOverlap.Normalise(PreviousYear.Text(previous, "problems"));
        if (now.Length == 0 || before.Length < 20)
        {
            yield break;
        }

        var folded = TextFolding.FoldWidth(now).Replace(" ", "", StringComparison.Ordinal);
        var lastYear = previous.Year is { } y ? $"{y}年" : "\0";
        var refersBack = new[] { "上一年度", "上年度", "上年", "去年", lastYear }.Any(w => folded.Contains(w, StringComparison.Ordinal));
        if (refersBack || TextOverlap.Containment(before, TextOverlap.Normalise(now)) >= MinimumOverlap)
        {
            yield break;
        }

        yield return new Finding
        {
            Rule = Id,
            Severity = Severity.Warning,
            Location = new FindingLocation { Section = "problems" },
            Message = $"正文「五、存在的主要问题及改进情况」未说明上一年度（{previous.Year}）报告所列问题的改进情况；请对照上一年度的问题逐项说明",
        };
    }
}
