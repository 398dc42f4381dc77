using System.Text;
using System.Xml.Linq;
using PublishPipeline.Site;
using PublishPipeline.Site.Model;
using PublishPipeline.Site.OpenData;
using static PublishPipeline.Tests.Site.OpenData.SiteReportFactory;

namespace PublishPipeline.Tests.Site.OpenData;

public sealed class AtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly Uri BaseUrl = new("https://reports.example.gov.cn/");

    private static readonly SiteReport Lanxi = Report("lanxi-wenlvj", "浙江省/金华市/兰溪市", publishedAt: Base.AddDays(1));
    private static readonly SiteReport Fuyang = Report("fuyang-bgs", "浙江省/杭州市/富阳区", publishedAt: Base);
    private static readonly SiteReport Anji = Report("anji-zfb", "浙江省/湖州市/安吉县", publishedAt: Base);
    private static readonly SiteReport HefeiCorrected =
        Corrected(Report("hefei-sfj", "安徽省/合肥市", publishedAt: Base.AddDays(-30)), Base.AddDays(2), "第三部分表格数字有误，已更正。");

    [Fact]
    public void Feed_is_atom_in_chinese_updated_at_its_newest_entry()
    {
        var file = AtomFeed.For([Fuyang, Lanxi, HefeiCorrected], BaseUrl);
        var feed = Parse(file).Root!;

        Assert.Equal("feed.xml", file.Path);
        Assert.Equal(SiteFile.Atom, file.ContentType);
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("zh-CN", feed.Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.Equal("政府信息公开工作年度报告：最新发布与更正", feed.Element(Atom + "title")?.Value);
        Assert.Equal("https://reports.example.gov.cn/", feed.Element(Atom + "id")?.Value);
        Assert.Equal(SiteUrls.Timestamp(Base.AddDays(2)), feed.Element(Atom + "updated")?.Value);
        Assert.Equal("https://reports.example.gov.cn/feed.xml", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")?.Value);
        Assert.NotEmpty(feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
    }

    [Fact]
    public void Entries_are_newest_first_then_by_agency_whatever_order_they_came_in()
    {
        var forward = AtomFeed.For([Fuyang, Anji, Lanxi, HefeiCorrected], BaseUrl);
        var shuffled = AtomFeed.For([Lanxi, HefeiCorrected, Fuyang, Anji], BaseUrl);

        Assert.Equal(forward.Content.ToArray(), shuffled.Content.ToArray());
        var links = Parse(forward).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal(
            [
                "https://reports.example.gov.cn/reports/2020/hefei-sfj/",
                "https://reports.example.gov.cn/reports/2020/lanxi-wenlvj/",
                "https://reports.example.gov.cn/reports/2020/anji-zfb/",
                "https://reports.example.gov.cn/reports/2020/fuyang-bgs/",
            ],
            links);
    }

    [Fact]
    public void An_entry_carries_title_link_dates_author_and_a_chinese_summary()
    {
        var entry = Parse(AtomFeed.For([Lanxi], BaseUrl)).Root!.Element(Atom + "entry")!;

        Assert.Equal("2020年lanxi-wenlvj局政府信息公开工作年度报告", entry.Element(Atom + "title")?.Value);
        Assert.Equal("alternate", entry.Element(Atom + "link")?.Attribute("rel")?.Value);
        Assert.Equal(SiteUrls.Timestamp(Lanxi.PublishedAt), entry.Element(Atom + "published")?.Value);
        Assert.Equal(SiteUrls.Timestamp(Lanxi.PublishedAt), entry.Element(Atom + "updated")?.Value);
        Assert.Equal("lanxi-wenlvj局", entry.Element(Atom + "author")?.Element(Atom + "name")?.Value);
        Assert.Equal("机关：lanxi-wenlvj局；年度：2020年；地区：浙江省金华市兰溪市。", entry.Element(Atom + "summary")?.Value);
        Assert.Equal("text", entry.Element(Atom + "summary")?.Attribute("type")?.Value);
    }

    [Fact]
    public void A_correction_is_a_new_entry_marked_as_such_with_its_dates_and_note()
    {
        var original = Report("hefei-sfj", "安徽省/合肥市", publishedAt: Base.AddDays(-30));
        var before = Parse(AtomFeed.For([original], BaseUrl)).Root!.Element(Atom + "entry")!;
        var after = Parse(AtomFeed.For([HefeiCorrected], BaseUrl)).Root!.Element(Atom + "entry")!;

        Assert.NotEqual(before.Element(Atom + "id")!.Value, after.Element(Atom + "id")!.Value);
        Assert.Equal("https://reports.example.gov.cn/reports/2020/hefei-sfj/v2/", after.Element(Atom + "id")!.Value);
        Assert.StartsWith("更正：", after.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal(SiteUrls.Timestamp(original.PublishedAt), after.Element(Atom + "published")!.Value);
        Assert.Equal(SiteUrls.Timestamp(Base.AddDays(2)), after.Element(Atom + "updated")!.Value);
        var summary = after.Element(Atom + "summary")!.Value;
        Assert.Contains("首次发布于2021年12月21日", summary, StringComparison.Ordinal);
        Assert.Contains("于2022年1月22日发布更正后的版本", summary, StringComparison.Ordinal);
        Assert.Contains("更正说明：第三部分表格数字有误，已更正。", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_ids_are_stable_and_unique_per_agency_year_and_version()
    {
        var reports = new[] { Lanxi, Fuyang, Anji, HefeiCorrected, Lanxi with { Year = 2021 } };
        var ids = Parse(AtomFeed.For(reports, BaseUrl)).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
        var again = Parse(AtomFeed.For(reports.Select(r => r with { Title = "另一个标题" }), BaseUrl)).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value);

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Order(), again.Order());
    }

    [Fact]
    public void Draft_text_is_escaped_and_characters_xml_cannot_hold_are_dropped()
    {
        var hostile = Report("x", "浙江省", name: "A&B <机关>", title: "<script>alert(1)</script>]]>&amp;\u0001\u000B年度报告");

        var file = AtomFeed.For([hostile], BaseUrl);
        var text = Encoding.UTF8.GetString(file.Content.Span);
        var entry = Parse(file).Root!.Element(Atom + "entry")!;

        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script>]]>&amp;年度报告", entry.Element(Atom + "title")!.Value);
        Assert.Equal("A&B <机关>", entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
    }

    [Fact]
    public void Links_are_absolute_under_a_base_with_a_path_and_ascii_only()
    {
        var baseWithPath = new Uri("http://127.0.0.1:10000/devstoreaccount1/$web/");
        var file = AtomFeed.For([Lanxi], baseWithPath);
        var feed = Parse(file).Root!;

        Assert.Equal(
            "http://127.0.0.1:10000/devstoreaccount1/$web/reports/2020/lanxi-wenlvj/",
            feed.Element(Atom + "entry")!.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/$web/", feed.Element(Atom + "id")!.Value);
    }

    [Fact]
    public void An_empty_feed_is_valid_and_dated_at_the_epoch_not_the_clock()
    {
        var first = AtomFeed.For([], BaseUrl);
        var feed = Parse(first).Root!;

        Assert.Empty(feed.Elements(Atom + "entry"));
        Assert.Equal("1970-01-01T08:00:00+08:00", feed.Element(Atom + "updated")!.Value);
        Assert.Equal(first.Content.ToArray(), AtomFeed.For([], BaseUrl).Content.ToArray());
    }

    [Fact]
    public void Bytes_are_utf8_without_bom_and_lf_only()
    {
        var bytes = AtomFeed.For([Lanxi, HefeiCorrected], BaseUrl).Content.ToArray();

        Assert.False(bytes.AsSpan().StartsWith(Csv.Bom));
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    private static XDocument Parse(SiteFile file)
    {
        using var stream = new MemoryStream(file.Content.ToArray());
        return XDocument.Load(stream);
    }
}
