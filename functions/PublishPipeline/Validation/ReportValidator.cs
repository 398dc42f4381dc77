using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

/// <summary>Runs the rule catalogue (CHECKS.md A1, C1, C2, D1–D4) over a canonical report; every failing cell is reported.</summary>
public sealed class ReportValidator
{
    public ReportValidator()
        : this([
            new TitleRule(),
            new BlankCellRule(),
            new TextCellRule(),
            new RequestsIdentityRule(),
            new RequestsResultSumRule(),
            new RequestsRowSumRule(),
            new ReviewLitigationSumRule(),
        ])
    {
    }

    public ReportValidator(IEnumerable<IValidationRule> rules)
    {
        Rules = rules.ToList();
    }

    public IReadOnlyList<IValidationRule> Rules { get; }

    public IReadOnlyList<Finding> Validate(Report report)
    {
        var context = new ValidationContext(report);
        return Rules.SelectMany(rule => rule.Check(context)).ToList();
    }
}
