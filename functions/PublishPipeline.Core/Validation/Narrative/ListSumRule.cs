using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// F6: "共N条，其中a条、b条…" adds up to N (when every item of the list has a count; a partial list may only fall
/// short), and a following "其中…" sentence does not restate the same total with another number.
/// </summary>
public sealed class ListSumRule : IValidationRule
{
    public string Id => "F6";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var statement in context.Statements)
        {
            if (statement.Kind == StatementKind.ListTotal && statement.Parts is { } parts && statement.Value is { } total)
            {
                var sum = parts.Sum();
                if (sum > total || (sum < total && statement.PartsComplete))
                {
                    yield return Create(statement, $"总数为 {TableQuantities.Show(total)}，但所列各项 {string.Join("+", parts.Select(TableQuantities.Show))}={TableQuantities.Show(sum)}，相差 {TableQuantities.Show(Math.Abs(total - sum))}", total, sum);
                }
            }
            else if (statement.Kind == StatementKind.RestatedTotal && statement.Parts is [var first] && statement.Value is { } restated)
            {
                yield return Create(statement, $"前文称“{statement.Label}”共 {TableQuantities.Show(first)}，此处“{statement.Phrase}”又写作 {TableQuantities.Show(restated)}，前后矛盾", first, restated);
            }
        }
    }

    private Finding Create(NarrativeStatement statement, string says, decimal expected, decimal actual) => new()
    {
        Rule = Id,
        Severity = Severity.Warning,
        Location = new FindingLocation { Section = statement.Section },
        Message = $"{NarrativeFinding.SectionName(statement.Section)}“{statement.Sentence}”：{says}",
        Expected = expected,
        Actual = actual,
    };
}
