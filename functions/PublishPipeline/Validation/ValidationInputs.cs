using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

/// <summary>
/// What a validation may use beyond the report itself. Passing inputs (even empty ones) asks for the cross-year
/// group G: without a previous report it says so in one info finding instead of guessing.
/// </summary>
public sealed class ValidationInputs
{
    /// <summary>The same agency's report for the year before (CHECKS.md G1–G4), when the caller has it.</summary>
    public Report? PreviousReport { get; init; }
}
