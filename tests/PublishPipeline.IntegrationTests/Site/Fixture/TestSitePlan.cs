using PublishPipeline.Site;

namespace PublishPipeline.IntegrationTests.Site.Fixture;

/// <summary>
/// The test site's content, decided up front so that tests know what must be where: three top-level regions with
/// agencies at every level, several years each (both national templates), one correction, one withdrawn report,
/// one hostile draft, blank and text cells, and terms the search must find.
/// </summary>
public static class TestSitePlan
{
    /// <summary>Years up to 2020 use the 2019 template, later years the 2021 one.</summary>
    public static IReadOnlyList<int> Years { get; } = [2019, 2020, 2021, 2022, 2023];

    public static IReadOnlyList<TestAgency> Agencies { get; } =
    [
        new("cj-jtt", "澄江省交通运输厅", "澄江省", "部门", Years),
        new("lc-rmzf", "临川市人民政府", "澄江省/临川市", "设区的市", Years),
        new("lc-jyj", "临川市教育局", "澄江省/临川市", "部门", Years),
        new("lc-sthjj", "临川市生态环境局", "澄江省/临川市", "部门", [2020, 2021, 2022, 2023]),
        new("qs-rmzf", "青石县人民政府", "澄江省/临川市/青石县", "县级", Years),
        new("qs-czj", "青石县财政局", "澄江省/临川市/青石县", "部门", [2021, 2022, 2023]),
        new("qs-taoxi", "青石县桃溪镇人民政府", "澄江省/临川市/青石县/桃溪镇", "乡镇街道", Years),
        new("by-scjgj", "北原市市场监督管理局", "澄江省/北原市", "部门", Years),
        new("by-zrzyj", "北原市自然资源和规划局", "澄江省/北原市", "部门", [2021, 2023]),
        new("sl-rmzf", "北原市松岭区人民政府", "澄江省/北原市/松岭区", "县级", Years),
        new("sl-bailu", "北原市松岭区白鹭街道办事处", "澄江省/北原市/松岭区/白鹭街道", "乡镇街道", [2021, 2022, 2023]),
        new("ls-wjw", "岚山省卫生健康委员会", "岚山省", "部门", Years),
        new("yt-rmzf", "云台市人民政府", "岚山省/云台市", "设区的市", Years),
        new("yt-gaj", "云台市公安局", "岚山省/云台市", "部门", [2020, 2021, 2022, 2023]),
        new("ml-rmzf", "梅林县人民政府", "岚山省/云台市/梅林县", "县级", Years),
        new("ml-shimen", "梅林县石门乡人民政府", "岚山省/云台市/梅林县/石门乡", "乡镇街道", [2021, 2022, 2023]),
        new("ml-lyj", "梅林县林业局", "岚山省/云台市/梅林县", "部门", []),
        new(HostileAgencyId, HostileText.InDirectory("云台市测试局"), "岚山省/云台市", "部门", [HostileYear]),
        new("dl-bgt", "东陵市人民政府办公厅", "东陵市", "部门", Years),
        new("dl-nanhu", "东陵市南湖区人民政府", "东陵市/南湖区", "县级", Years),
        new("dl-liuan", "东陵市南湖区柳岸街道办事处", "东陵市/南湖区/柳岸街道", "乡镇街道", [2022, 2023]),
    ];

    // ---- the special cases ----

    /// <summary>Every text field of this agency's report (and of its earlier version) is hostile, and so is its name.</summary>
    public const string HostileAgencyId = "yt-hostile";

    public const int HostileYear = 2023;

    /// <summary>A report corrected once: version 2 is live, version 1 stays at <c>v1/</c>.</summary>
    public static TestReportKey Corrected { get; } = new("lc-jyj", 2022);

    public const string CorrectionNote = "更正了表三“予以公开”一行中自然人申请数量的录入错误。";

    /// <summary>
    /// A report that was published and then withdrawn: in a folder build it is simply absent from the input, while the
    /// agency's other years are there.
    /// </summary>
    public static TestReportKey Withdrawn { get; } = new("by-zrzyj", 2022);

    /// <summary>This report's table 三 row （二）部分公开 has a blank cell (法人或其他组织/商业企业) beside a 0 (科研机构).</summary>
    public static TestReportKey BlankAndZero { get; } = new("by-scjgj", 2022);

    public const string BlankAndZeroRow = "r2";

    public const int BlankColumn = 1;

    public const int ZeroColumn = 2;

    /// <summary>A phrase that only this report's last section contains.</summary>
    public static TestReportKey DistinctivePhraseReport { get; } = new("qs-rmzf", 2022);

    public const string DistinctivePhrase = "萤火虫夜读计划";

    // ---- the pages every page-type test samples ----

    public const int SampleYear = 2022;

    public const string SampleProvince = "澄江省";

    public const string SampleCity = "临川市";

    public static TestAgency Agency(string id) => Agencies.Single(a => a.Id == id);

    public static TestAgency Hostile => Agency(HostileAgencyId);

    /// <summary>Every live report of the site (the withdrawn one is not among them).</summary>
    public static IEnumerable<TestReportKey> LiveReports =>
        Agencies.SelectMany(a => a.Years.Select(y => new TestReportKey(a.Id, y)));

    /// <summary>When a report went public (its first version): in the spring after its year, a different day per agency.</summary>
    public static DateTimeOffset PublishedAt(TestReportKey report)
    {
        if (report.AgencyId == HostileAgencyId)
        {
            // The newest publication of all, so the home page lists it.
            return new DateTimeOffset(report.Year + 1, 4, 20, 9, 0, 0, TimeSpan.FromHours(8));
        }

        var index = Agencies.ToList().FindIndex(a => a.Id == report.AgencyId);
        return new DateTimeOffset(report.Year + 1, 1, 10, 9, 0, 0, TimeSpan.FromHours(8)).AddDays(index * 2).AddHours(index % 5);
    }

    /// <summary>When the correction of <see cref="Corrected"/> (and of the hostile report) replaced version 1.</summary>
    public static DateTimeOffset CorrectedAt(TestReportKey report) => PublishedAt(report).AddDays(40);

    public static bool IsCorrected(TestReportKey report) => report == Corrected || report.AgencyId == HostileAgencyId;

    /// <summary>Search terms and a report each must find.</summary>
    public static IReadOnlyList<(string Term, TestReportKey Expected)> SearchRecall { get; } =
    [
        ("北原市市场监督管理局", new TestReportKey("by-scjgj", 2023)),
        (DistinctivePhrase, DistinctivePhraseReport),
        ("桃溪镇", new TestReportKey("qs-taoxi", 2021)),
        ("石门乡", new TestReportKey("ml-shimen", 2023)),
    ];
}

/// <summary>One report of the test site: an agency and a year.</summary>
public sealed record TestReportKey(string AgencyId, int Year)
{
    public string Url => SitePaths.ReportUrl(Year, AgencyId);

    public override string ToString() => $"{AgencyId} {Year}";
}
