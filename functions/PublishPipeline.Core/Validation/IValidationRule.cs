using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

/// <summary>One check of CHECKS.md: its id and the findings it produces for a report.</summary>
public interface IValidationRule
{
    string Id { get; }

    IEnumerable<Finding> Check(ValidationContext context);
}
