using System.Text;
using System.Text.Json.Nodes;
using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Site.Build;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Tests.Site.Build;

/// <summary>
/// A full build of a small folder: JSON documents of four agencies (one with a correction and its earlier version),
/// a clean draft and a draft with errors, a JSON document without a year, and a directory CSV for some agencies.
/// </summary>
public sealed class FolderSiteBuilderTests : IDisposable
{
    private static readonly DateTimeOffset FileTime = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private readonly string root = Path.Combine(Path.GetTempPath(), "site-build-" + Guid.NewGuid().ToString("N"));

    public FolderSiteBuilderTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    private const string DirectoryCsv =
        "id,name,region,level\r\n" +
        "lanxi-wlj,兰溪市文化和旅游局,浙江省/金华市/兰溪市,部门\r\n" +
        "jinhua-czj,金华市财政局,浙江省/金华市,部门\r\n" +
        "yiwu-quiet,义乌市统计局,浙江省/金华市/义乌市,部门\r\n";

    /// <summary>Writes the input folder; <paramref name="reverse"/> creates the files in the opposite order.</summary>
    private string WriteInput(string name, bool reverse = false, bool withZhejiang2020 = true)
    {
        var input = Path.Combine(root, name);
        var files = new List<(string Path, byte[] Content)>
        {
            ("2021/zj-bgs.json", Json("2021", 2021, "浙江省人民政府办公厅")),
            ("2021/jinhua.json", Json("2021", 2021, "金华市财政局")),
            ("2021/lanxi-wlj.json", Json("2021", 2021, "兰溪市文化和旅游局", new JsonObject
            {
                ["published_at"] = "2022-03-01T10:00:00+08:00",
                ["version"] = 2,
                ["earlier_versions"] = new JsonArray(new JsonObject
                {
                    ["version"] = 1,
                    ["published_at"] = "2022-01-20T10:00:00+08:00",
                    ["replaced_at"] = "2022-03-01T10:00:00+08:00",
                }),
                ["correction_note"] = "更正了表三。",
            })),
            ("2021/lanxi-wlj.v1.json", Json("2021", 2021, "兰溪市文化和旅游局")),
            ("2021/beijing.json", Json("2021", 2021, "北京市海淀区教育委员会", new JsonObject { ["agency_id"] = "bj-hd-jw" })),
            ("2021/noyear.json", Json("2021", null, "某县统计局")),
            ("drafts/2020-lanxi-wenlvj.txt", File.ReadAllBytes(Corpus.Sample("2020-lanxi-wenlvj.txt"))),
            ("drafts/2021-qingshan-jiedao.txt", File.ReadAllBytes(Corpus.Sample("2021-qingshan-jiedao.txt"))),
        };
        if (withZhejiang2020)
        {
            files.Add(("2020/zj-bgs.json", Json("2019", 2020, "浙江省人民政府办公厅")));
        }

        if (reverse)
        {
            files.Reverse();
        }

        foreach (var (path, content) in files)
        {
            var full = Path.Combine(input, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
            File.SetLastWriteTimeUtc(full, FileTime.UtcDateTime);
        }

        return input;
    }

    /// <summary>A consistent report of the template as a JSON document, with a <c>publication</c> member when given.</summary>
    private static byte[] Json(string template, int? year, string agency, JsonObject? publication = null)
    {
        var document = TestReports.Full(template);
        document.Report.Year = year;
        document.Report.Agency = agency;
        document.Report.Title = year is null ? null : $"{year}年{agency}政府信息公开工作年度报告";
        if (publication is null)
        {
            return ReportJson.SerializeToUtf8(document);
        }

        var node = JsonNode.Parse(ReportJson.SerializeToUtf8(document))!.AsObject();
        node["publication"] = publication;
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private async Task<(SiteBuildResult Result, string Output)> BuildAsync(string input, string outputName, int jobs = 2)
    {
        var output = Path.Combine(root, outputName);
        var (directory, problems) = SiteDirectory.Read(Encoding.UTF8.GetBytes(DirectoryCsv));
        Assert.Empty(problems);
        var leftOut = new List<LeftOutInput>();
        var builder = new FolderSiteBuilder(new SiteBuildOptions { Directory = directory, Jobs = jobs, LeftOut = leftOut.Add });
        var result = await builder.BuildAsync(input, new DirectoryOutput(output));
        Assert.Equal(result.LeftOut, leftOut);
        return (result, output);
    }

    private static Dictionary<string, byte[]> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private static string Text(string output, string path) => File.ReadAllText(Path.Combine(output, path));

    [Fact]
    public async Task Every_kind_of_file_is_written()
    {
        var (result, output) = await BuildAsync(WriteInput("in"), "out");
        string[] expected =
        [
            SitePaths.Home, SitePaths.NotFound, SitePaths.SearchPage, SitePaths.YearsPage, SitePaths.Stylesheet,
            SitePaths.Feed, SitePaths.Sitemap, SitePaths.TopSitemap, SitePaths.Robots,
            SitePaths.YearPage(2021, RegionPath.Root), SitePaths.YearPage(2021, RegionPath.Parse("浙江省")),
            SitePaths.YearPage(2021, RegionPath.Parse("浙江省/金华市")), SitePaths.YearPage(2020, RegionPath.Root),
            SitePaths.YearCsv(2021, RegionPath.Root), SitePaths.YearCsv(2021, RegionPath.Parse("浙江省/金华市")),
            SitePaths.RegionPage(RegionPath.Root), SitePaths.RegionPage(RegionPath.Parse("浙江省/金华市/兰溪市")),
            SitePaths.RegionSitemap(RegionPath.Parse("浙江省/金华市")),
            SitePaths.ReportPage(2021, "lanxi-wlj"), SitePaths.ReportData(2021, "lanxi-wlj"),
            SitePaths.ReportTableCsv(2021, "lanxi-wlj", "requests"), SitePaths.ReportTableCsv(2021, "lanxi-wlj", "proactive"),
            SitePaths.ReportTableCsv(2021, "lanxi-wlj", "review_litigation"),
            SitePaths.VersionPage(2021, "lanxi-wlj", 1), SitePaths.VersionData(2021, "lanxi-wlj", 1),
            SitePaths.AgencyPage("lanxi-wlj"), SitePaths.AgencyPage("yiwu-quiet"),
        ];
        var files = Files(output);
        Assert.All(expected, path => Assert.True(files.ContainsKey(path), path + " was not written"));
        Assert.Equal(files.Count, result.Files);
        Assert.All(files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)),
            f => Assert.Contains("<html lang=\"zh-CN\"", Encoding.UTF8.GetString(f.Value), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_draft_with_errors_and_a_document_without_a_year_are_left_out_with_one_line_each()
    {
        var (result, output) = await BuildAsync(WriteInput("in"), "out");
        Assert.Equal(2, result.LeftOut.Count);
        var draft = Assert.Single(result.LeftOut, l => l.Path == "drafts/2021-qingshan-jiedao.txt");
        Assert.Contains("2 处错误", draft.Reason, StringComparison.Ordinal);
        Assert.Contains("D1", draft.Reason, StringComparison.Ordinal);
        var noYear = Assert.Single(result.LeftOut, l => l.Path == "2021/noyear.json");
        Assert.Contains("年度", noYear.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', draft.ToString());

        // The clean draft is published under the directory's id for its agency's name, beside that agency's 2021 JSON.
        Assert.True(File.Exists(Path.Combine(output, SitePaths.ReportPage(2020, "lanxi-wlj"))));
        Assert.False(Directory.Exists(Path.Combine(output, "reports/2021/qingshan-jiedao")));
        Assert.Equal(6, result.Reports);
        Assert.Equal(1, result.EarlierVersions);
    }

    [Fact]
    public async Task Agencies_regions_and_versions_come_from_the_directory_the_publication_member_and_the_name()
    {
        var (_, output) = await BuildAsync(WriteInput("in"), "out");

        // Directory: the region page of 兰溪市 lists its agency; 义乌市 lists one that has published nothing.
        Assert.Contains(SitePaths.AgencyUrl("lanxi-wlj"), Text(output, SitePaths.RegionPage(RegionPath.Parse("浙江省/金华市/兰溪市"))), StringComparison.Ordinal);
        Assert.Contains(SitePaths.AgencyUrl("yiwu-quiet"), Text(output, SitePaths.RegionPage(RegionPath.Parse("浙江省/金华市/义乌市"))), StringComparison.Ordinal);
        // Not in the directory: the file name is the id, and the name says the province.
        Assert.Contains(SitePaths.AgencyUrl("zj-bgs"), Text(output, SitePaths.RegionPage(RegionPath.Parse("浙江省"))), StringComparison.Ordinal);
        // publication.agency_id beats the file name; 北京市海淀区 is a municipality's district.
        Assert.True(File.Exists(Path.Combine(output, SitePaths.ReportPage(2021, "bj-hd-jw"))));
        Assert.Contains(SitePaths.AgencyUrl("bj-hd-jw"), Text(output, SitePaths.RegionPage(RegionPath.Parse("北京市/海淀区"))), StringComparison.Ordinal);

        // The correction links its earlier version, which has its own page and data.
        var live = Text(output, SitePaths.ReportPage(2021, "lanxi-wlj"));
        Assert.Contains(SitePaths.VersionUrl(2021, "lanxi-wlj", 1), live, StringComparison.Ordinal);
        Assert.Contains("更正了表三。", live, StringComparison.Ordinal);
        var earlier = ReportJson.Deserialize(File.ReadAllBytes(Path.Combine(output, SitePaths.VersionData(2021, "lanxi-wlj", 1))));
        Assert.Equal("兰溪市文化和旅游局", earlier.Report.Agency);

        // report.json is the contract document, without the publication member.
        var data = File.ReadAllText(Path.Combine(output, SitePaths.ReportData(2021, "lanxi-wlj")));
        Assert.DoesNotContain("publication", data, StringComparison.Ordinal);
        Assert.Equal(2021, ReportJson.Deserialize(data).Report.Year);
    }

    [Fact]
    public async Task A_report_page_compares_with_the_agency_previous_year_when_there_is_one()
    {
        var (_, with) = await BuildAsync(WriteInput("in"), "with");
        var (_, without) = await BuildAsync(WriteInput("in-2021-only", withZhejiang2020: false), "without");
        var page = SitePaths.ReportPage(2021, "zj-bgs");
        Assert.NotEqual(Text(with, page), Text(without, page));
        Assert.Contains(SitePaths.ReportUrl(2020, "zj-bgs"), Text(with, page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_input_gives_the_same_bytes_whatever_the_order_of_its_files_or_the_number_of_jobs()
    {
        var (_, first) = await BuildAsync(WriteInput("in"), "first");
        var (_, again) = await BuildAsync(WriteInput("in"), "again", jobs: 1);
        var (_, reversed) = await BuildAsync(WriteInput("in-reversed", reverse: true), "reversed");
        var expected = Files(first);
        foreach (var other in new[] { Files(again), Files(reversed) })
        {
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
            Assert.All(expected, f => Assert.True(f.Value.AsSpan().SequenceEqual(other[f.Key]), f.Key + " differs"));
        }
    }

    [Fact]
    public async Task A_rebuild_into_the_previous_output_rewrites_every_file_to_its_new_length()
    {
        var input = WriteInput("in");
        var (_, output) = await BuildAsync(input, "out");
        var page = Path.Combine(output, SitePaths.ReportPage(2021, "jinhua-czj"));
        File.WriteAllBytes(page, new byte[File.ReadAllBytes(page).Length * 2]);
        var (_, fresh) = await BuildAsync(input, "fresh");
        await BuildAsync(input, "out");
        Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, SitePaths.ReportPage(2021, "jinhua-czj"))), File.ReadAllBytes(page));
    }

    [Fact]
    public async Task A_missing_input_folder_is_an_error()
    {
        var builder = new FolderSiteBuilder(new SiteBuildOptions());
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => builder.BuildAsync(Path.Combine(root, "nowhere"), new DirectoryOutput(Path.Combine(root, "o"))));
    }
}
