namespace PublishPipeline.Agencies;

/// <summary>The agency levels, spelled as the agency directory's <c>level</c> column spells them.</summary>
public static class AgencyLevels
{
    public const string StateCouncilDepartment = "国务院部门";
    public const string ProvincialGovernment = "省级政府";
    public const string CityWithDistricts = "设区的市";
    public const string County = "县级";
    public const string Township = "乡镇街道";
    public const string Department = "部门";

    public static IReadOnlyList<string> All { get; } =
        [StateCouncilDepartment, ProvincialGovernment, CityWithDistricts, County, Township, Department];

    /// <summary>各级人民政府: their reports publish by 3月31日 and must cover 工作考核、社会评议和责任追究.</summary>
    public static bool IsGovernment(string level) => level is ProvincialGovernment or CityWithDistricts or County or Township;

    /// <summary>Departments (of any government, including the State Council's) publish by 1月31日.</summary>
    public static bool IsDepartment(string level) => level is StateCouncilDepartment or Department;
}
