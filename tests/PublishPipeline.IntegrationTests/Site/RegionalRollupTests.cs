using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublishPipeline.Checking;
using PublishPipeline.Cli.Operations;
using PublishPipeline.IntegrationTests.Site.Fixture;
using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Site.Model;
using PublishPipeline.Submissions;
using Xunit.Abstractions;

namespace PublishPipeline.IntegrationTests.Site;

/// <summary>
/// The regional roll-up on the dev host (Azurite, the real queues and handlers): several agencies of a supervised
/// region publish, and its public roll-up page, CSV and Word document appear with the sums of exactly their reports;
/// an agency of the neighbouring county is not counted, one that has not published is listed; a withdrawal rebuilds
/// the roll-up without it. The page passes the Nu Html Checker, and Chromium saves it at desktop and phone widths.
/// <c>pubpipe rollup</c> writes the same Word document from storage.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class RegionalRollupTests(DevHostFixture host, ITestOutputHelper output)
{
    [Fact(Timeout = 240_000)]
    public async Task Published_reports_of_a_region_appear_summed_on_its_public_roll_up_page_CSV_and_Word_document()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var county = RegionPath.Parse($"汇总省{suffix}/汇总市/汇总县");
        var regionId = "it-rollup-" + suffix;
        await host.Host.Services.GetRequiredService<RegionDirectory>().ImportAsync(
        [
            new SupervisedRegion { RowKey = regionId, Name = "汇总县", Region = county.Key, Office = "汇总县人民政府办公室（政务公开办）", Supervisors = $"supervisor-{suffix}@zwgk.example" },
        ]);

        var education = await host.RegisterAgencyAsync("汇总县教育局", region: county.Key);
        var health = await host.RegisterAgencyAsync("汇总县卫生健康局", region: county.Key);
        var town = await host.RegisterAgencyAsync("汇总县城关镇人民政府", level: "乡镇街道", region: county.Child("城关镇").Key);
        var late = await host.RegisterAgencyAsync("汇总县统计局", region: county.Key);
        var neighbour = await host.RegisterAgencyAsync("邻县教育局", region: county.Parent.Child("邻县").Key);
        var reports = new Dictionary<string, Report>
        {
            [education.Id] = TestDrafts.Report2021(education.Name, [1, 0, 0, 0, 0, 0, 1]),
            [health.Id] = TestDrafts.Report2021(health.Name, [2, 1, 0, 0, 0, 0, 3]),
            [town.Id] = TestDrafts.Report2021(town.Name, [0, 0, 0, 0, 4, 0, 4]),
            [neighbour.Id] = TestDrafts.Report2021(neighbour.Name, [50, 0, 0, 0, 0, 0, 50]),
        };

        var published = new Dictionary<string, string>();
        foreach (var agency in new[] { education, health, town, neighbour })
        {
            var accepted = await host.SubmitDraftOkAsync(agency, 2021, "report.docx", ReportTemplateDocumentOf(reports[agency.Id]));
            published[agency.Id] = accepted.Id;
        }

        foreach (var id in published.Values)
        {
            await host.WaitForStateAsync(id, SubmissionState.Published);
        }

        // The roll-up is rebuilt one quiet period (3 s on the dev host) after the last publication of the region.
        var url = SitePaths.RollupUrl(2021, county);
        var expected = Sums([reports[education.Id], reports[health.Id], reports[town.Id]]);
        var page = await EventuallyAsync(async () =>
        {
            // Until the three are summed (an agency not yet published is listed as such, so its name alone proves nothing).
            var html = await GetAsync(url);
            Assert.Equal(3, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("ol.rollup-reports li").Length);
            return html;
        });

        var dom = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        Assert.Equal("2021年汇总县政府信息公开工作年度报告（统计汇总）", dom.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(
            new[] { education, health, town }.Select(a => SitePaths.ReportUrl(2021, a.Id)).Order(StringComparer.Ordinal),
            dom.QuerySelectorAll("ol.rollup-reports a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(neighbour.Name, page, StringComparison.Ordinal);
        Assert.Contains(late.Name, dom.QuerySelector("section.rollup-summary ul.inline-list")!.TextContent, StringComparison.Ordinal);
        foreach (var (anchor, sum) in expected)
        {
            Assert.Equal(sum.ToString(System.Globalization.CultureInfo.InvariantCulture), dom.QuerySelector($"a[href='#{anchor}']")!.TextContent.Trim());
        }

        // 新收 总计: 9 from each of the three; 上年结转 总计: 1 + 3 + 4.
        Assert.Equal(27, expected["t3-new-6"]);
        Assert.Equal(8, expected["t3-carried_in-6"]);

        // The region page links its roll-up.
        var regionPage = await GetAsync(SitePaths.RegionUrl(county));
        Assert.Contains($"href=\"{url}\"", regionPage, StringComparison.Ordinal);
        var cityYearPage = await GetAsync(SitePaths.YearUrl(2021, county.Parent));
        Assert.Contains($"href=\"{url}\"", cityYearPage, StringComparison.Ordinal);

        // CSV: UTF-8 with BOM, Chinese headers, the sums.
        using (var csvResponse = await host.Http.GetAsync(host.SiteUrl + "/" + SitePaths.RollupCsv(2021, county)))
        {
            Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
            Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
            var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var rows = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(',')).ToList();
            Assert.Equal(expected.Count, rows.Count);
            Assert.All(rows, r => Assert.Equal(expected[r[1]].ToString(System.Globalization.CultureInfo.InvariantCulture), r[2]));
            Assert.All(rows, r => Assert.Equal("完整", r[3]));
        }

        // The Word document reads back, through the real reader, to exactly the sums.
        var docx = await host.Http.GetByteArrayAsync(host.SiteUrl + "/" + SitePaths.RollupDocx(2021, county));
        AssertReadsBackTo(docx, expected, "2021年汇总县政府信息公开工作年度报告（统计汇总）");

        await CheckHtmlAsync(page, regionPage, cityYearPage);
        await SaveScreenshotsAsync(url);

        // pubpipe rollup writes the same document from storage, by region id or path; an unknown region is refused in Chinese.
        var folder = Directory.CreateTempSubdirectory("pubpipe-rollup-");
        try
        {
            var (code, stdout, _) = await PubpipeAsync("rollup", "--region", county.Key, "--year", "2021", "--out", Path.Combine(folder.FullName, "r.docx"), "--csv", Path.Combine(folder.FullName, "r.csv"), "--connection", host.StorageConnectionString);
            Assert.Equal(0, code);
            Assert.Contains("计入 3 份报告；格式不同未计入 0 份；尚未发布 1 个机关；所有合计完整", stdout, StringComparison.Ordinal);
            AssertReadsBackTo(await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "r.docx")), expected, "2021年汇总县政府信息公开工作年度报告（统计汇总）");
            Assert.Equal(
                await host.Http.GetByteArrayAsync(host.SiteUrl + "/" + SitePaths.RollupCsv(2021, county)),
                await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "r.csv")));

            var (refused, _, error) = await PubpipeAsync("rollup", "--region", "nowhere-" + suffix, "--year", "2021", "--out", Path.Combine(folder.FullName, "x.docx"), "--connection", host.StorageConnectionString);
            Assert.Equal(RollupCommand.InvalidCode, refused);
            Assert.Contains($"地区名录中没有地区「nowhere-{suffix}」", error, StringComparison.Ordinal);
            Assert.Contains($"{regionId}（{county.Key}）", error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder.FullName, "x.docx")));

            var (early, _, earlyError) = await PubpipeAsync("rollup", "--region", regionId, "--year", "2018", "--out", Path.Combine(folder.FullName, "y.docx"), "--connection", host.StorageConnectionString);
            Assert.Equal(RollupCommand.InvalidCode, early);
            Assert.Contains("2018年没有适用的国家统一报告格式", earlyError, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        // A withdrawal: the roll-up is rebuilt without the withdrawn report, which is now listed as not published.
        using var withdraw = await host.ActAsync(published[health.Id], "withdraw", health.ReviewerEmails[0], new { reason = "撤回测试" });
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        await host.WaitForStateAsync(published[health.Id], SubmissionState.Withdrawn);
        var withoutHealth = Sums([reports[education.Id], reports[town.Id]]);
        await EventuallyAsync(async () =>
        {
            var after = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await GetAsync(url));
            Assert.Equal(2, after.QuerySelectorAll("ol.rollup-reports li").Length);
            Assert.Contains(health.Name, after.QuerySelector("section.rollup-summary ul.inline-list")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(withoutHealth["t3-carried_in-6"].ToString(System.Globalization.CultureInfo.InvariantCulture), after.QuerySelector("a[href='#t3-carried_in-6']")!.TextContent.Trim());
            return true;
        });
    }

    [Fact(Timeout = 300_000)]
    public async Task Sixty_publications_in_one_region_make_a_few_roll_up_builds_off_the_publication_path()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var county = RegionPath.Parse($"批量省{suffix}/批量市/批量县");
        var regionId = "it-burst-" + suffix;
        await host.Host.Services.GetRequiredService<RegionDirectory>().ImportAsync(
        [
            new SupervisedRegion { RowKey = regionId, Name = "批量县", Region = county.Key, Office = "批量县政务公开办", Supervisors = $"supervisor-{suffix}@zwgk.example" },
        ]);
        var agencies = await Task.WhenAll(Enumerable.Range(1, 60).Select(i => host.RegisterAgencyAsync($"批量县第{i}局", region: county.Key)));
        var accepted = await Task.WhenAll(agencies.Select(a => host.SubmitDraftOkAsync(a, 2021, "report.docx", TestDrafts.Docx2021(a.Name, [1, 0, 0, 0, 0, 0, 1]))));
        foreach (var submission in accepted)
        {
            await host.WaitForStateAsync(submission.Id, SubmissionState.Published);
        }

        var url = SitePaths.RollupUrl(2021, county);
        await EventuallyAsync(async () =>
        {
            var dom = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await GetAsync(url));
            Assert.Equal(60, dom.QuerySelectorAll("ol.rollup-reports li").Length);
            Assert.Equal("540", dom.QuerySelector("a[href='#t3-new-6']")!.TextContent.Trim());
            Assert.Equal("60", dom.QuerySelector("a[href='#t3-carried_in-6']")!.TextContent.Trim());
            return true;
        });

        var index = host.Storage.SiteIndex;
        var state = PublishPipeline.Site.Live.SiteIndexJson.Read<PublishPipeline.Site.Live.RollupStateRecord>(
            (await index.GetEntityAsync<PublishPipeline.Site.Live.SiteIndexRow>(PublishPipeline.Site.Live.SiteIndexKeys.Rollups(county), PublishPipeline.Site.Live.SiteIndexKeys.YearRow(2021))).Value.Json);
        output.WriteLine($"60 publications in one region: the roll-up was built {state.Builds} times");
        Assert.InRange(state.Builds, 1, 10);

        // What a publication adds (mark the region's roll-up, queue its rebuild), and what a rebuild costs, measured.
        var job = host.Host.Services.GetRequiredService<PublishPipeline.Pipeline.RollupJob>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await job.MarkChangedAsync(agencies[0], 2021);
        var mark = watch.Elapsed;
        watch.Restart();
        var built = await job.RunAsync(regionId, 2021);
        var rebuild = watch.Elapsed;
        output.WriteLine($"marking one publication's regions: {mark.TotalMilliseconds:F0} ms; rebuilding the roll-up of 60 agencies on Azurite: {rebuild.TotalMilliseconds:F0} ms");
        Assert.True(built);
        Assert.False(await job.RunAsync(regionId, 2021)); // the queued message finds it built
    }

    [Fact(Timeout = 240_000)]
    public async Task A_published_text_cell_is_not_summed_the_cell_is_marked_incomplete_and_the_report_named()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var county = RegionPath.Parse($"缺格省{suffix}/缺格市/缺格县");
        await host.Host.Services.GetRequiredService<RegionDirectory>().ImportAsync(
        [
            new SupervisedRegion { RowKey = "it-gap-" + suffix, Name = "缺格县", Region = county.Key, Office = "缺格县政务公开办", Supervisors = $"supervisor-{suffix}@zwgk.example" },
        ]);

        // The sample 2020 report (2019 template) as one agency's, and as another's with 行政许可's 本年增/减 written "/"
        // (E5, information only: it publishes).
        var sample = await File.ReadAllTextAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt"));
        const string Licensing = "\t行政许可\n\t14\n\t2\n";
        Assert.Contains(Licensing, sample, StringComparison.Ordinal);
        var culture = await host.RegisterAgencyAsync("兰溪市文化和旅游局", region: county.Key);
        var relics = await host.RegisterAgencyAsync("兰溪市文物局", region: county.Key);
        var slashed = sample.Replace(Licensing, "\t行政许可\n\t14\n\t/\n", StringComparison.Ordinal).Replace("兰溪市文化和旅游局", relics.Name, StringComparison.Ordinal);
        var first = await host.SubmitDraftOkAsync(culture, 2020, "年度报告.txt", Encoding.UTF8.GetBytes(sample));
        var second = await host.SubmitDraftOkAsync(relics, 2020, "年度报告.txt", Encoding.UTF8.GetBytes(slashed));
        await host.WaitForStateAsync(first.Id, SubmissionState.Published);
        await host.WaitForStateAsync(second.Id, SubmissionState.Published);

        var url = SitePaths.RollupUrl(2020, county);
        var dom = await EventuallyAsync(async () =>
        {
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await GetAsync(url));
            Assert.Equal(2, page.QuerySelectorAll("ol.rollup-reports li").Length);
            return page;
        });

        Assert.Equal("2020年缺格县政府信息公开工作年度报告（统计汇总）", dom.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("按2019年试行格式逐格相加", dom.QuerySelector("section.rollup-summary p.summary")!.TextContent, StringComparison.Ordinal);

        // The cell: 2 from the first report only, marked 不完整, its source naming the other report and what it printed.
        var number = dom.QuerySelector("a[href='#t2-art20_5-licensing-1']")!;
        Assert.Equal("2", number.TextContent.Trim());
        Assert.Equal("不完整", number.ParentElement!.QuerySelector(".rollup-incomplete")!.TextContent.Trim());
        Assert.Equal("未计入：兰溪市文物局（填写为「/」，不是数字）", dom.GetElementById("t2-art20_5-licensing-1")!.QuerySelector(".rollup-gap")!.TextContent.Trim());
        Assert.Contains("1 个单元格未计入", dom.QuerySelector($"ol.rollup-reports a[href='{SitePaths.ReportUrl(2020, relics.Id)}']")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // Every other cell sums both: 行政许可's 处理决定数量 is 326 twice.
        Assert.Equal("652", dom.QuerySelector("a[href='#t2-art20_5-licensing-2']")!.TextContent.Trim());
        Assert.Null(dom.QuerySelector("a[href='#t2-art20_5-licensing-2'] + .rollup-incomplete"));

        // The CSV says the same.
        var csv = Encoding.UTF8.GetString(await host.Http.GetByteArrayAsync(host.SiteUrl + "/" + SitePaths.RollupCsv(2020, county)));
        Assert.Contains(",t2-art20_5-licensing-1,2,不完整,1,兰溪市文物局（填写为「/」，不是数字）\r\n", csv, StringComparison.Ordinal);

        await SaveScreenshotsAsync(url, "rollup-incomplete");
    }

    private static byte[] ReportTemplateDocumentOf(Report report) =>
        Documents.ReportTemplateDocument.Create(TemplateCatalog.Template2021, report);

    /// <summary>The expected sums, by cell anchor, computed from the reports themselves (not by the roll-up's code).</summary>
    private static Dictionary<string, decimal> Sums(IReadOnlyList<Report> reports)
    {
        var template = TemplateCatalog.Template2021;
        var sums = new Dictionary<string, decimal>();
        foreach (var item in template.Proactive)
        {
            foreach (var row in item.Rows)
            {
                for (var c = 0; c < item.Columns.Count; c++)
                {
                    sums[$"t2-{item.Key}-{row.Key}-{c}"] = reports.Sum(r => r.Tables.Proactive![item.Key][row.Key][c].Number);
                }
            }
        }

        foreach (var row in template.Requests.Rows)
        {
            for (var c = 0; c < template.Requests.Columns.Count; c++)
            {
                sums[$"t3-{row.Key}-{c}"] = reports.Sum(r => r.Tables.Requests![row.Key][c].Number);
            }
        }

        foreach (var group in template.ReviewLitigation.Groups)
        {
            for (var c = 0; c < template.ReviewLitigation.Columns.Count; c++)
            {
                sums[$"t4-{group.Key}-{c}"] = reports.Sum(r => r.Tables.ReviewLitigation![group.Key][c].Number);
            }
        }

        return sums;
    }

    private static void AssertReadsBackTo(byte[] docx, Dictionary<string, decimal> expected, string title)
    {
        var check = new DraftChecker().Check("rollup.docx", docx);
        Assert.False(check.IsUnreadable);
        var report = check.Document.Report;
        Assert.Equal(title, report.Title);
        Assert.Equal("2021", report.Template);
        var read = Sums([report]);
        Assert.Equal(expected.Count, read.Count);
        foreach (var (anchor, sum) in expected)
        {
            Assert.True(sum == read[anchor], $"{anchor}: expected {sum}, the Word document reads {read[anchor]}");
        }
    }

    private async Task CheckHtmlAsync(params string[] pages)
    {
        var jar = Path.Combine(DevHostFixture.RepoRoot, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"{jar} is missing: run `npm ci --ignore-scripts` at the repository root (package.json pins vnu-jar)");
        var folder = Directory.CreateTempSubdirectory("pubpipe-rollup-html-");
        try
        {
            var files = pages.Select((html, i) => Path.Combine(folder.FullName, $"page{i}.html")).ToList();
            for (var i = 0; i < pages.Length; i++)
            {
                await File.WriteAllTextAsync(files[i], pages[i]);
            }

            var run = await ProcessRun.RunAsync("java", ["-jar", jar, "--format", "json", "--stdout", .. files], TimeSpan.FromMinutes(2));
            using var json = JsonDocument.Parse(run.StandardOutput);
            var errors = json.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
                .Select(m => $"{m.GetProperty("url").GetString()} line {(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
                .ToList();
            output.WriteLine($"vnu checked the roll-up page and its region page in {run.Elapsed.TotalSeconds:F1} s: {errors.Count} errors");
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.Equal(0, run.ExitCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task SaveScreenshotsAsync(string url, string name = "rollup")
    {
        Assert.True(File.Exists(SiteFixture.ChromiumPath), $"{SiteFixture.ChromiumPath} is missing: apt-get install chromium fonts-noto-cjk");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = SiteFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
            Timeout = 30_000,
        });
        Directory.CreateDirectory(ScreenshotTests.Directory);
        foreach (var (viewport, size) in Viewports.Both)
        {
            await using var page = await BrowserPage.OpenAsync(browser, host.SiteUrl, size);
            var fullUrl = host.SiteUrl + url;
            Assert.Equal(200, await page.GoToAsync(fullUrl));
            await page.Page.EvaluateAsync("() => document.fonts.ready");
            var file = Path.Combine(ScreenshotTests.Directory, $"{name}-{viewport}.png");
            var png = await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Type = ScreenshotType.Png });
            output.WriteLine($"{file}: {png.Length / 1024} KiB");
            Assert.True(png.Length > 10_000, $"{file} is only {png.Length} bytes: a blank page?");
            Assert.Empty(page.FailedSubresources(fullUrl));
        }
    }

    private static async Task<(int Code, string Output, string Error)> PubpipeAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await new RootCommand { RollupCommand.Create() }.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    private async Task<string> GetAsync(string urlPath)
    {
        using var response = await host.Http.GetAsync(host.SiteUrl + urlPath);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{urlPath}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> assertions)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await assertions();
            }
            catch (Xunit.Sdk.XunitException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }
}
