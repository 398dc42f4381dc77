namespace PublishPipeline.Validation.CrossYear;

/// <summary>The cross-year rules (CHECKS.md G1–G4): they run only when the caller passes <see cref="ValidationInputs"/>.</summary>
public static class CrossYearRules
{
    public static IReadOnlyList<IValidationRule> All { get; } =
    [
        new CarryOverRule(),
        new InForceRule(),
        new SimilarityRule(),
        new ProblemsFollowUpRule(),
    ];
}
