using AngleSharp.Dom;
using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Site.Model;
using static PublishPipeline.Tests.Site.SiteFixtures;

namespace PublishPipeline.Tests.Site;

/// <summary>What the public report page adds to the shared report body: links into the site, the 导语, downloads,
/// corrections and earlier versions, the comparison with last year, search markers.</summary>
public sealed class ReportPageSiteTests
{
    private readonly SitePages pages = new();

    [Fact]
    public async Task The_breadcrumb_goes_through_the_year_and_region_pages()
    {
        var dom = Dom(await pages.ReportAsync(ReportModel()));

        var crumb = dom.QuerySelector("nav.breadcrumb")!;
        Assert.Equal(["/", "/reports/2021/", "/reports/2021/浙江省/", "/reports/2021/浙江省/金华市/"], Hrefs(crumb));
        Assert.Equal("首页 › 2021年 › 浙江省 › 金华市 › 兰溪市 › 兰溪市人民政府办公室", Html.Text(crumb));
        Assert.Equal("兰溪市人民政府办公室", Html.Text(crumb.QuerySelector("[aria-current=page]")!));
        Assert.Equal("/agencies/lanxi-bgs/", dom.QuerySelector(".report-meta a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_preamble_is_shown_paragraph_by_paragraph_before_the_sections()
    {
        var document = TestReports.Full("2021");
        document.Report.Preamble = "本报告依据《中华人民共和国政府信息公开条例》编制。\n\n  地址：兰溪市丹溪大道1号；电话：0579-88888888。  \n";

        var dom = Dom(await pages.ReportAsync(ReportModel(document)));

        var preamble = dom.QuerySelector("article .preamble")!;
        Assert.Equal(["本报告依据《中华人民共和国政府信息公开条例》编制。", "地址：兰溪市丹溪大道1号；电话：0579-88888888。"], preamble.QuerySelectorAll("p").Select(Html.Text));
        Assert.True(preamble.CompareDocumentPosition(dom.GetElementById("overview")!).HasFlag(DocumentPositions.Following));
        Assert.Null(Dom(await pages.ReportAsync(ReportModel())).QuerySelector(".preamble"));
    }

    [Fact]
    public async Task Downloads_are_the_json_and_one_csv_per_table_the_page_shows()
    {
        var full = Dom(await pages.ReportAsync(ReportModel()));
        var partial = TestReports.Full("2021");
        partial.Report.Tables.Proactive = null;
        partial.Report.Tables.ReviewLitigation = null;
        var some = Dom(await pages.ReportAsync(ReportModel(partial)));

        Assert.Equal(
            ["/reports/2021/lanxi-bgs/report.json", "/reports/2021/lanxi-bgs/proactive.csv", "/reports/2021/lanxi-bgs/requests.csv", "/reports/2021/lanxi-bgs/review_litigation.csv"],
            Hrefs(full.QuerySelector(".report-header .downloads")!));
        Assert.Equal("text/csv", full.QuerySelector("a[href$='requests.csv']")!.GetAttribute("type"));
        Assert.Equal(["/reports/2021/lanxi-bgs/report.json", "/reports/2021/lanxi-bgs/requests.csv"], Hrefs(some.QuerySelector(".report-header .downloads")!));
    }

    [Fact]
    public async Task A_correction_says_when_and_why_and_links_the_earlier_versions()
    {
        var model = ReportModel() with
        {
            PublishedAt = Corrected,
            FirstPublishedAt = Published,
            Version = 3,
            EarlierVersions = [new EarlierVersion(2, Replaced, Corrected), new EarlierVersion(1, Published, Replaced)],
            CorrectionNote = "更正表三第一行数字。\n原报告将自然人申请数误填为0。",
        };

        var dom = Dom(await pages.ReportAsync(model));

        var note = dom.QuerySelector("aside.correction-note")!;
        Assert.Equal("更正说明", Html.Text(note.QuerySelector("h2")!));
        var paragraphs = note.QuerySelectorAll("p").Select(Html.Text).ToList();
        Assert.Equal("本报告于2022年1月20日首次发布，于2022年3月1日更正。", paragraphs[0]);
        Assert.Equal(["更正表三第一行数字。", "原报告将自然人申请数误填为0。"], paragraphs[1..3]);
        Assert.Equal(["/reports/2021/lanxi-bgs/v1/", "/reports/2021/lanxi-bgs/v2/"], Hrefs(note));
        Assert.Equal(
            ["第1版（2022年1月20日发布，2022年2月1日被取代）", "第2版（2022年2月1日发布，2022年3月1日被取代）"],
            note.QuerySelectorAll("li").Select(Html.Text));
        Assert.Equal(["2022-01-20", "2022-03-01"], note.QuerySelectorAll("p time").Select(t => t.GetAttribute("datetime")));

        var standard = Dom(await pages.ReportAsync(model with { CorrectionNote = null }));
        Assert.Equal("本报告于2022年1月20日首次发布，于2022年3月1日更正。本页为更正后的版本，更正前的版本仍可查阅。",
            Html.Text(standard.QuerySelector("aside.correction-note p")!));
        Assert.Null(Dom(await pages.ReportAsync(ReportModel())).QuerySelector("aside.correction-note"));
    }

    [Fact]
    public async Task An_earlier_version_says_it_was_replaced_links_the_live_page_and_is_not_indexed()
    {
        var file = await pages.ReportAsync(ReportModel() with { Version = 2, ReplacedAt = Corrected });
        var dom = Dom(file);

        Assert.Equal("reports/2021/lanxi-bgs/v2/index.html", file.Path);
        var banner = dom.QuerySelector(".notice.replaced")!;
        Assert.Contains("第2版", Html.Text(banner), StringComparison.Ordinal);
        Assert.Contains("已于2022年3月1日被更正后的版本取代", Html.Text(banner), StringComparison.Ordinal);
        Assert.Equal(["/reports/2021/lanxi-bgs/"], Hrefs(banner));
        Assert.Equal(["/reports/2021/lanxi-bgs/v2/report.json"], Hrefs(dom.QuerySelector(".report-header .downloads")!));
        Assert.Empty(dom.QuerySelectorAll("[data-pagefind-body], [data-pagefind-meta]"));
        Assert.Contains("第2版", dom.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_page_marks_its_article_and_title_for_search()
    {
        var dom = Dom(await pages.ReportAsync(ReportModel()));

        var article = Assert.Single(dom.QuerySelectorAll("[data-pagefind-body]"));
        Assert.Equal("article", article.LocalName);
        Assert.Equal("title", dom.QuerySelector("h1")!.GetAttribute("data-pagefind-meta"));
        Assert.Equal("年度:2021", article.GetAttribute("data-pagefind-filter"));
        Assert.NotNull(dom.QuerySelector("nav.toc[data-pagefind-ignore]"));
    }

    [Fact]
    public async Task A_blank_cell_is_marked_and_differs_from_zero()
    {
        var document = TestReports.Full("2021");
        document.Report.Tables.Requests!["new"][0] = CellValue.Blank;
        document.Report.Tables.Requests!["new"][1] = CellValue.Of(0);

        var dom = Dom(await pages.ReportAsync(ReportModel(document)));

        var cells = dom.QuerySelectorAll("#requests table tbody tr")[0].QuerySelectorAll("td");
        Assert.Equal("blank", cells[0].ClassName);
        Assert.Equal("", cells[0].TextContent);
        Assert.False(cells[1].HasAttribute("class"));
        Assert.Equal("0", cells[1].TextContent);

        // The mark is drawn by the stylesheet: a dash on screen, 「空白」 as the text a screen reader reads.
        var css = Text(SitePages.Assets[0]);
        Assert.Contains(".report-table td.blank::before { content: \"—\"; content: \"—\" / \"空白\"; }", css, StringComparison.Ordinal);
        Assert.Contains(".report-table tbody th[scope=row] { position: sticky; left: 0;", css, StringComparison.Ordinal);
        Assert.NotNull(dom.QuerySelector("#requests .table-scroll.wide[role=region][tabindex='0']"));
    }

    [Fact]
    public async Task The_comparison_gives_each_rows_change_and_never_counts_a_blank_or_text_as_zero()
    {
        var template = TemplateCatalog.Get("2021");
        var current = TestReports.Full("2021");
        var previous = TestReports.Full("2021");
        previous.Report.Year = 2020;
        var now = current.Report.Tables.Requests!;
        var before = previous.Report.Tables.Requests!;
        before["new"][6] = CellValue.Of(now["new"][6].Number - 3);
        before["carried_in"][6] = CellValue.Of(now["carried_in"][6].Number + 7);
        before["r2"][6] = CellValue.Blank;
        now["r3_1"][6] = CellValue.OfText("减4");
        before["r3_2"][6] = CellValue.OfText("/");
        now["r3_3"][6] = CellValue.Blank;
        before.Remove("r6_1");
        previous.Report.Tables.ReviewLitigation!["review"][4] = CellValue.Of(current.Report.Tables.ReviewLitigation!["review"][4].Number - 12);
        previous.Report.Tables.Proactive!["art20_1"]["rules"][0] = CellValue.Of(current.Report.Tables.Proactive!["art20_1"]["rules"][0].Number + 1);

        var dom = Dom(await pages.ReportAsync(ReportModel(current) with { Previous = previous }));

        var aside = dom.QuerySelector("aside.comparison")!;
        Assert.Equal(["/reports/2020/lanxi-bgs/"], Hrefs(aside));
        var tables = aside.QuerySelectorAll("table");
        Assert.Equal(3, tables.Length);
        Assert.Equal(["项目", "2021年", "2020年", "增减"], tables[1].QuerySelectorAll("thead th").Select(Html.Text));
        Assert.All(aside.QuerySelectorAll("th"), th => Assert.True(th.HasAttribute("scope")));

        var requests = Rows(tables[1]);
        Assert.Equal(template.Requests.Rows.Count, requests.Count);
        Assert.Equal((Total(now, "new"), Total(before, "new"), "+3"), requests["一、本年新收政府信息公开申请数量"]);
        Assert.Equal((Total(now, "carried_in"), Total(before, "carried_in"), "\u22127"), requests["二、上年结转政府信息公开申请数量"]);
        Assert.Equal((Total(now, "r1"), Total(now, "r1"), "0"), requests["（一）予以公开"]);
        Assert.Equal("—", requests["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"].Change);
        Assert.Equal("", requests["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"].Previous);
        Assert.Equal(("减4", Total(before, "r3_1"), "—"), requests["（三）不予公开 · 1.属于国家秘密"]);
        Assert.Equal((Total(now, "r3_2"), "/", "—"), requests["（三）不予公开 · 2.其他法律行政法规禁止公开"]);
        Assert.Equal("—", requests["（三）不予公开 · 3.危及“三安全一稳定”"].Change);
        Assert.Equal("无此项", requests["（六）其他处理 · 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"].Previous);
        var blankRow = tables[1].QuerySelectorAll("tbody tr").Single(tr => Html.Text(tr.QuerySelector("th")!).StartsWith("（二）", StringComparison.Ordinal));
        Assert.Equal("blank", blankRow.QuerySelectorAll("td")[1].ClassName);

        var review = Rows(tables[2]);
        Assert.Equal(["行政复议 · 总计", "行政诉讼 · 未经复议直接起诉 · 总计", "行政诉讼 · 复议后起诉 · 总计"], review.Keys);
        Assert.Equal("+12", review["行政复议 · 总计"].Change);
        Assert.Equal("0", review["行政诉讼 · 复议后起诉 · 总计"].Change);

        var proactive = Rows(tables[0]);
        Assert.Equal("\u22121", proactive["第二十条第（一）项 · 规章 · 本年制发件数"].Change);
        Assert.Equal("0", proactive["第二十条第（一）项 · 规章 · 本年废止件数"].Change);
    }

    [Fact]
    public async Task A_previous_report_in_the_other_format_is_compared_where_rows_and_columns_match()
    {
        var previous = TestReports.Full("2019");

        var dom = Dom(await pages.ReportAsync(ReportModel() with { Previous = previous }));

        var tables = dom.QuerySelectorAll("aside.comparison table");
        var proactive = Rows(tables[0]);
        Assert.Equal("无此项", proactive["第二十条第（一）项 · 规章 · 本年制发件数"].Previous);
        Assert.Equal("—", proactive["第二十条第（一）项 · 规章 · 本年制发件数"].Change);
        Assert.NotEqual("—", proactive["第二十条第（五）项 · 行政许可 · 本年处理决定数量"].Change);
        var requests = Rows(tables[1]);
        Assert.Equal("无此项", requests["（六）其他处理 · 3.其他"].Previous);
        Assert.NotEqual("—", requests["（七）总计"].Change);
        Assert.Null(Dom(await pages.ReportAsync(ReportModel())).QuerySelector("aside.comparison"));
    }

    [Fact]
    public async Task Hostile_text_in_every_field_of_the_page_stays_text()
    {
        var document = TestReports.Full("2021");
        document.Report.Preamble = $"{Script}\n{Img}\n{Js}";
        document.Report.Title = Hostile;
        document.Report.Tables.Requests!["new"][6] = CellValue.OfText(Hostile);
        var previous = TestReports.Full("2021");
        previous.Report.Tables.Requests!["new"][6] = CellValue.OfText(Img);
        var region = RegionPath.Parse($"浙江省/{Img}/{Js}");
        var model = new ReportPageModel(document, "lanxi-bgs", Hostile, Corrected, "sub-1")
        {
            Region = region,
            FirstPublishedAt = Published,
            CorrectionNote = $"{Script}\n{Img}",
            Previous = previous,
            EarlierVersions = [new EarlierVersion(1, Published, Corrected)],
        };

        var dom = Dom(await pages.ReportAsync(model));

        PrivatePageChecks.AssertNoInjectedMarkup(dom);
        AssertLinksAreSitePaths(dom);
        Assert.Equal([Script, Img, Js], dom.QuerySelectorAll(".preamble p").Select(Html.Text));
        Assert.Equal([Script, Img], dom.QuerySelectorAll("aside.correction-note p.note-text").Select(Html.Text));
        Assert.Equal(Hostile, Html.Text(dom.QuerySelector("h1")!));
        Assert.Equal(Hostile, Html.Text(dom.QuerySelector("nav.breadcrumb [aria-current=page]")!));
        var crumb = dom.QuerySelector("nav.breadcrumb")!;
        Assert.Contains(crumb.QuerySelectorAll("a"), a => Html.Text(a) == Img && SitePaths.FileForUrl(a.GetAttribute("href")!) == SitePaths.YearPage(2021, region.Truncate(2)));
        Assert.Contains(crumb.QuerySelectorAll("span"), s => Html.Text(s) == Js);
        var row = Rows(dom.QuerySelectorAll("aside.comparison table")[1])["一、本年新收政府信息公开申请数量"];
        Assert.Equal((Hostile, Img, "—"), row);
    }

    [Fact]
    public async Task The_page_does_not_depend_on_the_order_of_earlier_versions()
    {
        EarlierVersion[] versions = [new(1, Published, Replaced), new(2, Replaced, Corrected), new(3, Corrected, Corrected.AddDays(1))];
        var model = ReportModel() with { FirstPublishedAt = Published, PublishedAt = Corrected.AddDays(1), Version = 4, EarlierVersions = versions };

        var expected = Text(await pages.ReportAsync(model));

        Assert.Equal(expected, Text(await pages.ReportAsync(model with { EarlierVersions = Shuffled(versions, 7) })));
    }

    [Fact]
    public async Task Ids_stay_unique_whatever_the_draft_calls_its_sections_and_headings_can_be_linked()
    {
        var document = TestReports.Full("2021");
        string[] keys = ["toc", "_toc", "h-overview", "comparison", "_h-overview", "correction"];
        for (var i = 0; i < keys.Length; i++)
        {
            document.Report.Sections[i].Key = keys[i];
        }

        var dom = Dom(await pages.ReportAsync(ReportModel(document) with { Previous = TestReports.Full("2021"), FirstPublishedAt = Published }));

        var ids = dom.All.Where(e => e.Id is { Length: > 0 }).Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(dom.QuerySelectorAll("section.report-section"), section => Assert.Equal("_h-" + section.Id, section.QuerySelector("h2")!.Id));
        Assert.All(dom.QuerySelectorAll("[aria-labelledby]"), e => Assert.NotNull(dom.GetElementById(e.GetAttribute("aria-labelledby")!)));
    }

    private static string Total(Dictionary<string, List<CellValue>> rows, string key) => rows[key][6].ToString();

    /// <summary>Each comparison row by its label: this year, last year, change (as the page shows them).</summary>
    private static Dictionary<string, (string Current, string Previous, string Change)> Rows(IElement table) =>
        table.QuerySelectorAll("tbody tr").ToDictionary(
            tr => Html.Text(tr.QuerySelector("th")!),
            tr =>
            {
                var cells = tr.QuerySelectorAll("td").Select(Html.Text).ToList();
                return (cells[0], cells[1], cells[2]);
            });
}
