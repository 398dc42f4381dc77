namespace PublishPipeline.Validation.Narrative;

/// <summary>The narrative ↔ table rules (CHECKS.md E6 and F1–F8), in catalogue order.</summary>
public static class NarrativeRules
{
    public static IReadOnlyList<IValidationRule> All { get; } =
    [
        new ApplicantSplitRule(),
        new ReceivedCountRule(),
        new HandledCountRule(),
        new ResultCountRule(),
        new ReviewLitigationClaimRule(),
        new ProactiveCountRule(),
        new ListSumRule(),
        new NoRequestsRule(),
        new FeeStatementMatchesTableRule(),
    ];
}
