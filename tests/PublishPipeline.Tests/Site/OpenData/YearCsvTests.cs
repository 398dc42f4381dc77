using System.Globalization;
using PublishPipeline.Site.Model;
using PublishPipeline.Site.OpenData;
using static PublishPipeline.Tests.Site.OpenData.SiteReportFactory;

namespace PublishPipeline.Tests.Site.OpenData;

public sealed class YearCsvTests
{
    private static readonly SiteReport[] Reports =
    [
        Report("lanxi-wenlvj", "浙江省/金华市/兰溪市"),
        Report("fuyang-bgs", "浙江省/杭州市/富阳区"),
        Report("anji-zfb", "浙江省/湖州市/安吉县"),
        Report("hefei-sfj", "安徽省/合肥市"),
        Report("fuyang-bgs", "浙江省/杭州市/富阳区", year: 2021),
        Report("gwy-bgt", ""),
    ];

    [Fact]
    public void Header_pairs_each_chinese_label_with_its_ascii_key_then_every_measure()
    {
        var rows = Csv.Parse(YearCsv.For(2020, RegionPath.Root, Reports).Content);

        Assert.Equal(
            ["机关代码（agency_id）", "机关名称（agency_name）", "地区（region）", "年度（year）", "报告格式（template）", "标题（title）",
             "发布时间（published_at）", "首次发布时间（first_published_at）", "版本（version）", "页面（url）"],
            rows[0].Take(10));
        Assert.Equal(ReportFigures.Measures.Select(m => $"{m.Label}（{m.Key}）"), rows[0].Skip(10));
        Assert.All(rows, r => Assert.Equal(10 + ReportFigures.Measures.Count, r.Count));
    }

    [Fact]
    public void One_row_per_report_of_the_year_in_the_scope_sorted_by_region_then_agency()
    {
        var country = Csv.Parse(YearCsv.For(2020, RegionPath.Root, Reports).Content);
        Assert.Equal(
            new[] { "", "安徽省/合肥市", "浙江省/杭州市/富阳区", "浙江省/湖州市/安吉县", "浙江省/金华市/兰溪市" }.Order(StringComparer.Ordinal),
            country.Skip(1).Select(r => r[2]));
        Assert.DoesNotContain(country, r => r[3] == "2021");

        var zhejiang = YearCsv.For(2020, RegionPath.Parse("浙江省"), Reports);
        Assert.Equal("reports/2020/浙江省/reports.csv", zhejiang.Path);
        var rows = Csv.Parse(zhejiang.Content);
        Assert.Equal(3, rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.StartsWith("浙江省/", r[2], StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_holds_the_publication_facts_and_the_figures()
    {
        var corrected = Corrected(Report("lanxi-wenlvj", "浙江省/金华市/兰溪市"), new DateTimeOffset(2022, 3, 1, 16, 30, 0, TimeSpan.Zero), "更正数字");
        var plain = Report("fuyang-bgs", "浙江省/杭州市/富阳区") with { Template = null };
        var lacking = plain.Figures.Values.ToArray();
        lacking[0] = null;
        plain = plain with { Figures = new ReportFigures { Values = lacking } };

        var rows = Csv.Parse(YearCsv.For(2020, RegionPath.Root, [corrected, plain]).Content);

        var c = rows.Single(r => r[0] == "lanxi-wenlvj");
        Assert.Equal(
            ["lanxi-wenlvj", "lanxi-wenlvj局", "浙江省/金华市/兰溪市", "2020", "2019", "2020年lanxi-wenlvj局政府信息公开工作年度报告",
             "2022-03-02T00:30:00+08:00", "2022-01-20T10:00:00+08:00", "2", "/reports/2020/lanxi-wenlvj/"],
            c.Take(10));
        Assert.Equal(corrected.Figures.Values.Select(v => v!.Value.ToString(CultureInfo.InvariantCulture)), c.Skip(10));

        var p = rows.Single(r => r[0] == "fuyang-bgs");
        Assert.Equal("", p[4]);
        Assert.Equal(p[6], p[7]);
        Assert.Equal("1", p[8]);
        Assert.Equal("", p[10]);
        Assert.Equal(plain.Figures.Values[1]!.Value.ToString(CultureInfo.InvariantCulture), p[11]);
    }

    [Fact]
    public void Draft_text_cannot_become_a_formula()
    {
        var report = Report("x", "浙江省", title: "=cmd|' /C calc'!A0,\"quoted\"");

        var row = Csv.Parse(YearCsv.For(2020, RegionPath.Root, [report]).Content)[1];

        Assert.Equal("'=cmd|' /C calc'!A0,\"quoted\"", row[5]);
    }

    [Fact]
    public void The_same_reports_in_any_order_give_the_same_bytes()
    {
        var forward = YearCsv.For(2020, RegionPath.Root, Reports).Content.ToArray();
        var backward = YearCsv.For(2020, RegionPath.Root, Reports.Reverse()).Content.ToArray();

        Assert.Equal(forward, backward);
        Assert.Equal(Csv.Bom, forward.Take(3));
    }

    [Fact]
    public void Two_live_reports_of_one_agency_and_year_are_refused()
    {
        var twice = new[] { Report("a", "浙江省"), Report("a", "安徽省") };

        var error = Assert.Throws<ArgumentException>(() => YearCsv.For(2020, RegionPath.Root, twice));
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_year_still_has_its_header()
    {
        var rows = Csv.Parse(YearCsv.For(2019, RegionPath.Root, Reports).Content);

        Assert.Single(rows);
        Assert.Equal("reports/2019/reports.csv", YearCsv.For(2019, RegionPath.Root, Reports).Path);
    }
}
