namespace PublishPipeline.Validation.CrossYear;

/// <summary>The cross-year rules (CHECKS.md G1–G4): without <see cref="ValidationInputs.PreviousReport"/> G1 says once that the group was not checked.</summary>
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
