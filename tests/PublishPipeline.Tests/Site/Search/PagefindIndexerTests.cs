using System.Text.Json;
using PublishPipeline.Site;
using PublishPipeline.Site.Search;

namespace PublishPipeline.Tests.Site.Search;

/// <summary>
/// Runs the real Pagefind binary from the repository's node_modules (installed by <c>npm ci --ignore-scripts</c>, which
/// scripts/test.sh does when it is missing) over small folders of report pages.
/// </summary>
public sealed class PagefindIndexerTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("pagefind-test-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public void The_binary_is_found_in_the_repository_node_modules()
    {
        var binary = PagefindIndexer.FindBinary();

        Assert.True(binary is not null, "pagefind_extended not found: run `npm ci --ignore-scripts` in the repository");
        Assert.EndsWith(Path.Combine("bin", PagefindIndexer.BinaryName), binary, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("node_modules", "@pagefind"), binary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rendered_report_pages_are_indexed_into_the_pagefind_folder()
    {
        var site = Dir("site");
        await WriteReportPageAsync(site, "2019", "lanxi-wenlvj", "兰溪市文化和广电旅游体育局");
        await WriteReportPageAsync(site, "2021", "fuyang-bgs", "杭州市富阳区人民政府办公室");
        await WriteReportPageAsync(site, "2021", "anji-zfb", "安吉县人民政府");

        var result = await new PagefindIndexer().IndexAsync(site);

        var bundle = Path.Combine(site, "pagefind");
        Assert.Equal(bundle, result.BundleDirectory);
        Assert.True(File.Exists(Path.Combine(bundle, "pagefind.js")));
        Assert.Equal(3, result.PagesIndexed);
        Assert.Equal(3, EntryPages(bundle)["zh-cn"]);
        Assert.Equal(Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories).Count(), result.FilesWritten);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(bundle, "fragment")).Length);
        Assert.True(result.Elapsed > TimeSpan.Zero);
        Assert.Empty(Directory.GetDirectories(site, ".pagefind-*"));
    }

    [Fact]
    public async Task Re_indexing_replaces_the_bundle_and_leaves_no_stale_fragments()
    {
        var site = Dir("site");
        await WriteReportPageAsync(site, "2021", "fuyang-bgs", "杭州市富阳区人民政府办公室");
        await WriteReportPageAsync(site, "2021", "anji-zfb", "安吉县人民政府");
        var indexer = new PagefindIndexer();
        await indexer.IndexAsync(site);
        var before = Directory.GetFiles(Path.Combine(site, "pagefind", "fragment")).Select(Path.GetFileName).ToHashSet();

        Directory.Delete(Path.Combine(site, SitePaths.ReportDirectory(2021, "anji-zfb")), recursive: true);
        await WriteReportPageAsync(site, "2019", "lanxi-wenlvj", "兰溪市文化和广电旅游体育局");
        await WriteReportPageAsync(site, "2019", "jinhua-sfj", "金华市司法局");
        var result = await indexer.IndexAsync(site);

        Assert.Equal(3, result.PagesIndexed);
        var after = Directory.GetFiles(Path.Combine(site, "pagefind", "fragment")).Select(Path.GetFileName).ToList();
        Assert.Equal(3, after.Count);
        Assert.Single(after, before.Contains);
        Assert.Equal(Directory.EnumerateFiles(Path.Combine(site, "pagefind"), "*", SearchOption.AllDirectories).Count(), result.FilesWritten);
    }

    [Fact]
    public async Task Only_pages_marked_data_pagefind_body_are_indexed_once_any_page_is()
    {
        var site = Dir("site");
        WritePage(site, "reports/2020/a/index.html", "<main data-pagefind-body><h1>兰溪市文化和广电旅游体育局</h1><p>本年新收申请95件。</p></main>");
        WritePage(site, "reports/2020/b/index.html", "<main data-pagefind-body><h1>金华市司法局</h1><p>予以公开30件。</p></main>");
        WritePage(site, "index.html", "<main><h1>首页</h1><p>最新发布的年度报告。</p></main>");

        var result = await new PagefindIndexer().IndexAsync(site);

        Assert.Equal(2, result.PagesIndexed);
    }

    [Fact]
    public async Task A_page_without_a_lang_attribute_still_goes_into_the_chinese_index()
    {
        var site = Dir("site");
        WritePage(site, "a/index.html", "<main><h1>兰溪市文化和广电旅游体育局</h1></main>", lang: null);
        WritePage(site, "b/index.html", "<main><h1>金华市司法局</h1></main>");

        await new PagefindIndexer().IndexAsync(site);

        Assert.Equal(new Dictionary<string, int> { ["zh-cn"] = 2 }, EntryPages(Path.Combine(site, "pagefind")));
    }

    [Fact]
    public async Task A_missing_binary_is_a_clear_error_naming_it()
    {
        var site = Dir("site");
        WritePage(site, "index.html", "<main><p>首页</p></main>");
        var missing = Path.Combine(root.FullName, "nowhere", PagefindIndexer.BinaryName);

        var error = await Assert.ThrowsAsync<PagefindException>(() => new PagefindIndexer(missing).IndexAsync(site));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(site, "pagefind")));
    }

    [Fact]
    public async Task A_failed_run_reports_pagefinds_words_and_keeps_the_previous_bundle()
    {
        var site = Dir("site");
        WritePage(site, "index.html", "<main><p>首页</p></main>");
        var indexer = new PagefindIndexer();
        await indexer.IndexAsync(site);
        var entry = File.ReadAllBytes(Path.Combine(site, "pagefind", "pagefind-entry.json"));
        File.Delete(Path.Combine(site, "index.html"));

        var error = await Assert.ThrowsAsync<PagefindException>(() => indexer.IndexAsync(site));

        Assert.Contains("not able to build an index", error.Message, StringComparison.Ordinal);
        Assert.Contains("exit code 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(entry, File.ReadAllBytes(Path.Combine(site, "pagefind", "pagefind-entry.json")));
        Assert.Empty(Directory.GetDirectories(site, ".pagefind-*"));
    }

    [Fact]
    public async Task A_cancelled_run_stops_pagefind_and_leaves_nothing_behind()
    {
        var site = Dir("site");
        await WriteReportPageAsync(site, "2021", "fuyang-bgs", "杭州市富阳区人民政府办公室");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PagefindIndexer().IndexAsync(site, cancelled.Token));

        Assert.False(Directory.Exists(Path.Combine(site, "pagefind")));
        Assert.Empty(Directory.GetDirectories(site, ".pagefind-*"));
    }

    [Fact]
    public async Task A_site_folder_that_does_not_exist_is_refused()
    {
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => new PagefindIndexer().IndexAsync(Path.Combine(root.FullName, "none")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_copy_that_lost_its_execute_bit_still_runs()
    {
        var copy = Path.Combine(Dir("app"), PagefindIndexer.BinaryName);
        File.Copy(PagefindIndexer.FindBinary()!, copy);
        File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var site = Dir("site");
        WritePage(site, "index.html", "<main><p>首页</p></main>");

        try
        {
            var result = await new PagefindIndexer(copy).IndexAsync(site);

            Assert.Equal(1, result.PagesIndexed);
        }
        finally
        {
            // The indexer ran an executable copy it made in the temp folder for this process; leave no 13 MB behind.
            var executableCopies = Path.Combine(Path.GetTempPath(), "pagefind-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (Directory.Exists(executableCopies))
            {
                Directory.Delete(executableCopies, recursive: true);
            }
        }
    }

    [Fact]
    public void Find_binary_searches_node_modules_above_the_start_directory_first()
    {
        var repo = Dir("repo");
        var inRepo = FakeBinary(Path.Combine(repo, "node_modules", "@pagefind", PlatformPackage(), "bin"));
        var app = Dir("app");
        FakeBinary(Path.Combine(app, "pagefind"));
        var start = Dir("repo/tests/bin/Release");

        Assert.Equal(inRepo, PagefindIndexer.FindBinary(start, app, Dir("elsewhere")));
    }

    [Fact]
    public void Find_binary_takes_the_copy_shipped_beside_the_app()
    {
        var app = Dir("app");
        var shipped = FakeBinary(Path.Combine(app, PagefindIndexer.ShippedDirectory));

        Assert.Equal(shipped, PagefindIndexer.FindBinary(null, app, Dir("elsewhere")));
        Assert.Equal(shipped, PagefindIndexer.FindBinary(Dir("no-modules-here"), app, Dir("elsewhere")));
    }

    [Fact]
    public void Find_binary_falls_back_to_node_modules_above_the_current_directory_and_else_says_none()
    {
        var repo = Dir("cwd-repo");
        var inRepo = FakeBinary(Path.Combine(repo, "node_modules", "@pagefind", PlatformPackage(), "bin"));

        Assert.Equal(inRepo, PagefindIndexer.FindBinary(null, Dir("app"), Dir("cwd-repo/sub/dir")));
        Assert.Null(PagefindIndexer.FindBinary(Dir("a"), Dir("b"), Dir("c")));
    }

    private string Dir(string relative) => Directory.CreateDirectory(Path.Combine(root.FullName, relative)).FullName;

    private static string FakeBinary(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, PagefindIndexer.BinaryName);
        File.WriteAllText(path, "");
        return path;
    }

    private static string PlatformPackage()
    {
        var os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : "linux";
        var arch = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "x64";
        return $"{os}-{arch}";
    }

    private static Dictionary<string, int> EntryPages(string bundle)
    {
        using var entry = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(bundle, "pagefind-entry.json")));
        return entry.RootElement.GetProperty("languages").EnumerateObject().ToDictionary(l => l.Name, l => l.Value.GetProperty("page_count").GetInt32());
    }

    private static async Task WriteReportPageAsync(string site, string templateId, string agencyId, string agencyName)
    {
        var document = TestReports.Full(templateId);
        document.Report.Agency = agencyName;
        document.Report.Title = $"{document.Report.Year}年{agencyName}政府信息公开工作年度报告";
        var model = new ReportPageModel(document, agencyId, agencyName, new DateTimeOffset(2022, 1, 20, 2, 0, 0, TimeSpan.Zero), "s-" + agencyId);
        var html = await new SiteRenderer().RenderReportAsync(model);
        var path = Path.Combine(site, SitePaths.ReportPage(model.Year, agencyId));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, html);
    }

    private static void WritePage(string site, string relative, string body, string? lang = "zh-CN")
    {
        var path = Path.Combine(site, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var langAttribute = lang is null ? "" : $" lang=\"{lang}\"";
        File.WriteAllText(path, $"<!doctype html><html{langAttribute}><head><meta charset=\"utf-8\"><title>页</title></head><body>{body}</body></html>");
    }
}
