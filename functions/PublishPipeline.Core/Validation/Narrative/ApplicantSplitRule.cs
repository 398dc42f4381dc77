using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// E6: the applicant split of table 三 一 agrees with what the narrative says about applicants: "未收到法人或者其他组织…
/// 的申请" means the five 法人或其他组织 columns are 0; "均为自然人" likewise; a stated 自然人/法人 count matches its columns.
/// Silence is not a contradiction: a narrative that never mentions applicants is not flagged. As with F1, a count may
/// include the applications carried over from last year (一 + 二): "收到申请75件，涉及自然人72件" over 71 new and 1 carried.
/// </summary>
public sealed class ApplicantSplitRule : IValidationRule
{
    private static readonly string[] Organisations = ["commercial", "research", "social", "legal", "other"];

    public string Id => "E6";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var table = new TableQuantities(context);
        var natural = table.RequestCell("new", "natural");
        var organisations = Organisations.Select(c => table.RequestCell("new", c)).ToList();
        var organisationSum = organisations.All(v => v is not null) ? organisations.Sum(v => v!.Value) : (decimal?)null;
        var naturalCarried = table.RequestCell("carried_in", "natural");
        var organisationsCarried = Organisations.Select(c => table.RequestCell("carried_in", c)).ToList();
        var organisationCarriedSum = organisationsCarried.All(v => v is not null) ? organisationsCarried.Sum(v => v!.Value) : (decimal?)null;
        foreach (var statement in context.Statements)
        {
            var (says, column, expected, actual) = (statement.Kind, statement.Group) switch
            {
                (StatementKind.NoRequests, "organisations") or (StatementKind.ApplicantCount, "only_natural") when organisationSum > 0 =>
                    ($"正文称没有法人或其他组织的申请，但表三「一、本年新收」法人或其他组织各列合计为 {TableQuantities.Show(organisationSum!.Value)}", (string?)null, 0m, organisationSum),
                (StatementKind.NoRequests, "natural") when natural > 0 =>
                    ($"正文称没有自然人的申请，但表三「一、本年新收」行「自然人」列为 {TableQuantities.Show(natural!.Value)}", "natural", 0m, natural),
                (StatementKind.ApplicantCount, "natural") when natural is { } n && statement.Value is { } v && v != n && v != n + naturalCarried =>
                    ($"“{statement.Phrase}”与表三「一、本年新收」行「自然人」列 {TableQuantities.Show(n)}{WithCarried(n, naturalCarried)}不一致", "natural", n, v),
                (StatementKind.ApplicantCount, "organisations") when organisationSum is { } o && statement.Value is { } v && v != o && v != o + organisationCarriedSum =>
                    ($"“{statement.Phrase}”与表三「一、本年新收」法人或其他组织各列合计 {TableQuantities.Show(o)}{WithCarried(o, organisationCarriedSum)}不一致", null, o, v),
                _ => (null, null, 0m, (decimal?)null),
            };
            if (says is not null)
            {
                yield return NarrativeFinding.Create(Id, Severity.Warning, statement, says, ValidationContext.Requests, "new", column, expected, actual);
            }
        }
    }

    /// <summary>When last year's carried-over applications are not 0, the count with them (一 + 二) is the other reading.</summary>
    private static string WithCarried(decimal fresh, decimal? carried) =>
        carried is > 0 ? $"（含上年结转为 {TableQuantities.Show(fresh + carried.Value)}）" : " ";
}
