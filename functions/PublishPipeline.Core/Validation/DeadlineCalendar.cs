using PublishPipeline.Agencies;

namespace PublishPipeline.Validation;

/// <summary>
/// Publication deadlines by agency level, as month and day of the year after the report year. The national defaults
/// are 条例 第四十九条: departments by 1月31日, the 本级政府 report by 3月31日; 乡镇街道 have no national deadline.
/// Local rules (怀化: 市直 by 1月28日; 岳阳: 部门 by 2月底) override by level.
/// </summary>
public sealed record DeadlineCalendar
{
    public static DeadlineCalendar National { get; } = new();

    /// <summary>Month and day for departments (国务院部门, 部门).</summary>
    public (int Month, int Day) Departments { get; init; } = (1, 31);

    /// <summary>Month and day for 本级政府 reports (省级政府, 设区的市, 县级).</summary>
    public (int Month, int Day) Governments { get; init; } = (3, 31);

    /// <summary>Local overrides keyed by <see cref="AgencyLevels"/> string; they win over the defaults (and give 乡镇街道 one).</summary>
    public IReadOnlyDictionary<string, (int Month, int Day)> Overrides { get; init; } = new Dictionary<string, (int Month, int Day)>();

    /// <summary>The last publication day for a report of <paramref name="reportYear"/>, or null when this calendar sets none for the level.</summary>
    public DateOnly? DeadlineFor(string level, int reportYear)
    {
        (int Month, int Day)? monthDay = Overrides.TryGetValue(level, out var local) ? local
            : AgencyLevels.IsDepartment(level) ? Departments
            : level is AgencyLevels.ProvincialGovernment or AgencyLevels.CityWithDistricts or AgencyLevels.County ? Governments
            : null;
        if (monthDay is not { } md)
        {
            return null;
        }

        var year = reportYear + 1;
        return new DateOnly(year, md.Month, Math.Min(md.Day, DateTime.DaysInMonth(year, md.Month)));
    }
}
