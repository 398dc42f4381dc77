using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Tests.Site;

/// <summary>Index facts for the page tests: reports in three regions, a correction with earlier versions.</summary>
internal static class SiteFixtures
{
    public static readonly DateTimeOffset Published = new(2022, 1, 20, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Corrected = new(2022, 3, 1, 2, 0, 0, TimeSpan.Zero);

    public static readonly RegionPath Zhejiang = RegionPath.Parse("浙江省");

    public static readonly RegionPath Jinhua = RegionPath.Parse("浙江省/金华市");

    public static readonly RegionPath Lanxi = RegionPath.Parse("浙江省/金华市/兰溪市");

    public static readonly RegionPath Yiwu = RegionPath.Parse("浙江省/金华市/义乌市");

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

    public static SiteReport Correction(SiteReport report) => report with
    {
        FirstPublishedAt = report.PublishedAt,
        PublishedAt = Corrected,
        Version = 3,
        EarlierVersions =
        [
            new EarlierVersion(1, report.PublishedAt, new DateTimeOffset(2022, 2, 1, 2, 0, 0, TimeSpan.Zero)),
            new EarlierVersion(2, new DateTimeOffset(2022, 2, 1, 2, 0, 0, TimeSpan.Zero), Corrected),
        ],
    };

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
}
