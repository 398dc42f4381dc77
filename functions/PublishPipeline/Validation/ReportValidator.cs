using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

/// <summary>Runs the rule catalogue (CHECKS.md A–E, H, I; see docs/RULES.md) over a canonical report; every failing cell is reported.</summary>
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
            new AgencyNameRule(),
            new PeriodRule(),
            new PublicationDateRule(),
            new YearConsistencyRule(),
            new TemplateCitationRule(),
            new AgencyLevelRule(),
            new SectionOrderRule(),
            new SectionTablesRule(),
            new TemplateYearRule(),
            new TableShapeRule(),
            new RowLabelRule(),
            new OverviewTopicsRule(),
            new FeeStatementRule(),
            new ProblemsSectionRule(),
            new PartsEnumerationRule(),
            new NumberDomainRule(),
            new MoneyPrecisionRule(),
            new CorruptDateRule(),
            new ReviewLitigationShapeRule(),
            new CarryOverPlausibilityRule(),
            new RegulationsLevelRule(),
            new NormativeDocsInForceRule(),
            new VolumeOutlierRule(),
            new DeadlineRule(),
            new SignOffRule(),
            new MojibakeRule(),
            new InjectedTextRule(),
            new TraditionalTextRule(),
            new ConversionArtefactRule(),
            new MaskedTextRule(),
        ])
    {
    }

    public ReportValidator(IEnumerable<IValidationRule> rules)
    {
        Rules = rules.ToList();
    }

    public IReadOnlyList<IValidationRule> Rules { get; }

    public IReadOnlyList<Finding> Validate(Report report) => Validate(report, null);

    /// <summary>Validates with what the report does not carry; a rule whose input is missing gives one "未检查" info finding.</summary>
    public IReadOnlyList<Finding> Validate(Report report, ValidationInputs? inputs)
    {
        var context = new ValidationContext(report, inputs);
        return Rules.SelectMany(rule => rule.Check(context)).ToList();
    }
}
