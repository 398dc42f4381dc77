using PublishPipeline.Reports;
using PublishPipeline.Validation.Arithmetic;
using PublishPipeline.Validation.Cells;
using PublishPipeline.Validation.Hygiene;
using PublishPipeline.Validation.Identification;
using PublishPipeline.Validation.Plausibility;
using PublishPipeline.Validation.Process;
using PublishPipeline.Validation.Structure;

namespace PublishPipeline.Validation;

/// <summary>
/// Runs the rule catalogue over a canonical report; every failing cell is reported, up to
/// <see cref="MaxFindingsPerRule"/> per rule (<see cref="FindingCap"/>).
/// </summary>
public sealed class ReportValidator
{
    public ReportValidator()
        : this([
            new TitleRule(),
            new BlankCellRule(),
            new TextCellRule(),
            new UnreadRowRule(),
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
            new SubmittedYearRule(),
            new SectionOrderRule(),
            new SubheadingNumberingRule(),
            new SectionTablesRule(),
            new TemplateYearRule(),
            new TableShapeRule(),
            new RowLabelRule(),
            new OverviewTopicsRule(),
            new FeeStatementPresentRule(),
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
            .. Narrative.NarrativeRules.All,
            .. CrossYear.CrossYearRules.All,
        ])
    {
    }

    public ReportValidator(IEnumerable<IValidationRule> rules)
    {
        Rules = rules.ToList();
    }

    public IReadOnlyList<IValidationRule> Rules { get; }

    /// <summary>At most this many findings per rule; the last kept one carries how many were left out.</summary>
    public int MaxFindingsPerRule { get; init; } = FindingCap.DefaultPerRule;

    /// <summary>The report alone: the cross-year group G is not asked for and says nothing.</summary>
    public IReadOnlyList<Finding> Validate(Report report) => Validate(report, null);

    /// <summary>With <paramref name="inputs"/> (even without a previous report) the cross-year group G runs or says why not.</summary>
    public IReadOnlyList<Finding> Validate(Report report, ValidationInputs? inputs)
    {
        var context = new ValidationContext(report, inputs);
        return FindingCap.Apply(Rules.SelectMany(rule => rule.Check(context)).ToList(), MaxFindingsPerRule);
    }
}
