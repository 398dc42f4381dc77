using PublishPipeline.Site;
using PublishPipeline.Site.Model;
using static PublishPipeline.Tests.Site.SiteFixtures;

namespace PublishPipeline.Tests.Site;

/// <summary>Every page type renders to its own path as an HTML document in Chinese.</summary>
public sealed class SitePagesSmokeTests
{
    private readonly SitePages pages = new();

    [Fact]
    public async Task Every_page_type_renders_to_its_path()
    {
        var reports = new[] { Report("lanxi-bgs", "兰溪市人民政府办公室", Lanxi), Correction(Report("jinhua-tjj", "金华市统计局", Jinhua)) };
        var total = ReportFigures.Sum(reports.Select(r => r.Figures));
        var files = new[]
        {
            await pages.ReportAsync(new ReportPageModel(TestReports.Full("2021"), "lanxi-bgs", "兰溪市人民政府办公室", Published, "sub-1") { Region = Lanxi }),
            await pages.HomeAsync(new HomePageModel(reports, [new YearCount(2021, 2, 1)])),
            await pages.YearsAsync(new YearsPageModel([new YearCount(2021, 2, 1)])),
            await pages.YearAsync(new YearPageModel(2021, Jinhua, [], reports, total, [2021])),
            await pages.RegionAsync(new RegionPageModel(Jinhua, [Lanxi], [new AgencyListing(new SiteAgency("jinhua-tjj", "金华市统计局", Jinhua, "市级"), [2021])])),
            await pages.AgencyAsync(new AgencyPageModel(new SiteAgency("jinhua-tjj", "金华市统计局", Jinhua, "市级"), [reports[1]])),
            await pages.NotFoundAsync(),
            await pages.SearchAsync(),
        };

        Assert.Equal(
            [
                "reports/2021/lanxi-bgs/index.html", "index.html", "reports/index.html", "reports/2021/浙江省/金华市/index.html",
                "regions/浙江省/金华市/index.html", "agencies/jinhua-tjj/index.html", "404.html", "search/index.html",
            ],
            files.Select(f => f.Path));
        Assert.All(files, file =>
        {
            Assert.Equal(SiteFile.Html, file.ContentType);
            var dom = Html.Parse(Text(file));
            Assert.Equal("zh-CN", dom.DocumentElement.GetAttribute("lang"));
            Assert.Single(dom.QuerySelectorAll("h1"));
        });
    }
}
