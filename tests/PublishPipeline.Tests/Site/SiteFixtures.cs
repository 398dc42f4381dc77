using AngleSharp.Dom;
using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Tests.Site;

/// <summary>Index facts and models for the public page tests: reports in three regions, a correction with earlier versions.</summary>
internal static class SiteFixtures
{
    public const string Script = "<script>alert(1)</script>";

    public const string Img = "\"><img src=x onerror=alert(1)>";

    public const string Js = "javascript:alert(1)";

    public const string Hostile = Script + Img + Js;

    public static readonly DateTimeOffset Published = new(2022, 1, 20, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Replaced = new(2022, 2, 1, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Corrected = new(2022, 3, 1, 2, 0, 0, TimeSpan.Zero);

    public static readonly RegionPath Zhejiang = RegionPath.Parse("浙江省");

    public static readonly RegionPath Jinhua = RegionPath.Parse("浙江省/金华市");

    public static readonly RegionPath Lanxi = RegionPath.Parse("浙江省/金华市/兰溪市");

    public static readonly RegionPath Yiwu = RegionPath.Parse("浙江省/金华市/义乌市");

    public static readonly RegionPath Anhui = RegionPath.Parse("安徽省");

    public static SiteReport Report(string id, string name, RegionPath region, int year = 2021, DateTimeOffset? published = null, ReportFigures? figures = null) => new()
    {
        AgencyId = id,
        AgencyName = name,
        Region = region,
        Year = year,
        Title = $"{year}年{name}政府信息公开工作年度报告",
        Template = year >= 2021 ? "2021" : "2019",
        PublishedAt = published ?? Published,
        Figures = figures ?? ReportFigures.Of(TestReports.Full(year >= 2021 ? "2021" : "2019").Report),
    };

    /// <summary>The report corrected twice: live version 3, versions 1 and 2 kept.</summary>
    public static SiteReport Correction(SiteReport report) => report with
    {
        FirstPublishedAt = report.PublishedAt,
        PublishedAt = Corrected,
        Version = 3,
        EarlierVersions =
        [
            new EarlierVersion(1, report.PublishedAt, Replaced),
            new EarlierVersion(2, Replaced, Corrected),
        ],
    };

    /// <summary>Four reports of 2021 in 金华市: one at the city, one in 兰溪市, two in 义乌市; the city's is corrected.</summary>
    public static List<SiteReport> JinhuaReports() =>
    [
        Report("lanxi-bgs", "兰溪市人民政府办公室", Lanxi),
        Correction(Report("jinhua-tjj", "金华市统计局", Jinhua)),
        Report("yiwu-bgs", "义乌市人民政府办公室", Yiwu),
        Report("yiwu-jyj", "义乌市教育局", Yiwu),
    ];

    public static ReportPageModel ReportModel(ReportDocument? document = null) =>
        new(document ?? TestReports.Full("2021"), "lanxi-bgs", "兰溪市人民政府办公室", Published, "sub-1") { Region = Lanxi };

    /// <summary>The same list in another order: pages must not depend on it.</summary>
    public static List<T> Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var list = items.ToList();
        var random = new Random(seed);
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    public static string Text(SiteFile file) => System.Text.Encoding.UTF8.GetString(file.Content.Span);

    public static IDocument Dom(SiteFile file) => Html.Parse(Text(file));

    /// <summary>The hrefs of the links inside <paramref name="container"/>, in document order.</summary>
    public static List<string> Hrefs(IParentNode container) =>
        container.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();

    /// <summary>Every internal link of a public page is an absolute path or an in-page anchor: nothing from data sets a scheme.</summary>
    public static void AssertLinksAreSitePaths(IDocument dom)
    {
        Assert.All(Hrefs(dom), href => Assert.True(href.StartsWith('/') || href.StartsWith('#'), href));
        Assert.DoesNotContain(Hrefs(dom), href => href.StartsWith("//", StringComparison.Ordinal));
    }
}
