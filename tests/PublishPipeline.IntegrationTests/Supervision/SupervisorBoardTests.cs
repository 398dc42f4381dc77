using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublishPipeline.IntegrationTests.Site;
using PublishPipeline.IntegrationTests.Site.Fixture;
using PublishPipeline.Notices;
using PublishPipeline.Site.Board;
using PublishPipeline.Submissions;
using Xunit.Abstractions;

namespace PublishPipeline.IntegrationTests.Supervision;

/// <summary>
/// The supervisor board through the local host: a region whose agencies are in every state (a real corpus report that
/// needs changes, built Word drafts awaiting review, approved for later, published on time, and published a year late),
/// read by the region's supervisor as a page, JSON and CSV, refused to another region's supervisor and to anonymous
/// callers; the supervisor reads their agencies' status pages but cannot act on them; the weekly digest reaches the
/// mail sink once on its weekday. Screenshots of the board are saved for people to look at.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class SupervisorBoardTests(DevHostFixture fixture, ITestOutputHelper output)
{
    // A real report with errors of its own (表三's arithmetic), uploaded as one agency's draft: it needs changes.
    private const string CorpusReportWithErrors = "2021-anhui-tjj.txt";

    private static int Year => BoardYear.Default(DateTimeOffset.UtcNow);

    [Fact(Timeout = 300_000)]
    public async Task The_supervisor_sees_every_agency_of_the_region_urgent_first_and_nobody_else_does()
    {
        var world = await RegionInEveryStateAsync();
        var supervisor = world.Supervisor;

        // The page, for a browser (timed: the board reads the whole directory and the year's versions).
        var timer = System.Diagnostics.Stopwatch.StartNew();
        using var page = await GetAsync(world.BoardPath(Year), supervisor, "text/html");
        output.WriteLine($"board page: {timer.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl is { Private: true, NoStore: true });
        var dom = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var expected = world.ExpectedOrder();
        Assert.Equal(expected, dom.QuerySelectorAll(".board-table tbody tr").Select(r => r.GetAttribute("data-agency")));
        Assert.Equal(
            ["未报送2", "需修改1", "校验中0", "待审核1", "已批准待发布1", "已发布1"],
            dom.QuerySelectorAll(".board-counts li").Take(6).Select(li => li.TextContent.Trim()));
        var row = (string id) => dom.QuerySelector($"tr[data-agency='{id}']")!;
        Assert.Equal($"第 1 版有 {world.NeedsChangesErrors} 处错误", row(world.NeedsChanges.Id).QuerySelector(".detail")!.TextContent.Trim());
        Assert.Equal("/api/submissions/" + world.AwaitingId, row(world.Awaiting.Id).QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("第 1 版自 ", row(world.Awaiting.Id).QuerySelector(".detail")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal($"第 1 版定于 {Beijing(world.ScheduledAt).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture)} 发布", row(world.Scheduled.Id).QuerySelector(".detail")!.TextContent.Trim());
        Assert.Equal(world.ExpectedDeadlineText(world.OnTime.Id), row(world.OnTime.Id).QuerySelector(".days")!.TextContent.Trim());
        Assert.Equal(world.ExpectedDeadlineText(world.NotSubmitted.Id), row(world.NotSubmitted.Id).QuerySelector(".days")!.TextContent.Trim());
        Assert.Null(row(world.NotSubmitted.Id).QuerySelector("a"));

        // JSON, for a program.
        using var json = await GetAsync(world.BoardPath(Year), supervisor, "application/json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        using var board = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal(Year, board.RootElement.GetProperty("year").GetInt32());
        Assert.Equal(expected, board.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("agency_id").GetString()));

        // CSV, for the office's spreadsheet.
        using var csv = await GetAsync(world.BoardPath(Year) + "&format=csv", supervisor, "text/html");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{world.Region.Id}-{Year}-board.csv", csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', BoardCsv.Headers), lines[0]);
        Assert.Equal(expected, lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains($",需修改,第 1 版有 {world.NeedsChangesErrors} 处错误,", lines.Single(l => l.StartsWith(world.NeedsChanges.Id + ",", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith($"{fixture.ApiUrl}/api/submissions/{world.AwaitingId}", lines.Single(l => l.StartsWith(world.Awaiting.Id + ",", StringComparison.Ordinal)), StringComparison.Ordinal);

        // The region's roll-up under the board: the year's one published report summed, linked to its public page; the
        // Word document made from the same numbers reads back, cell for cell, to that report's tables.
        var rollupSection = dom.GetElementById("rollup")!;
        var summedLinks = rollupSection.QuerySelectorAll("ol.rollup-reports a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"{fixture.SiteUrl}/reports/{Year}/{world.OnTime.Id}/"], summedLinks);
        Assert.Contains("尚未发布本年度报告", rollupSection.TextContent, StringComparison.Ordinal);
        var live = (await fixture.Submissions.ListForAgencyAsync(world.OnTime.Id)).Single(v => v.Year == Year && v.CurrentState == SubmissionState.Published);
        var published = (await fixture.Storage.LoadReportDocumentAsync(live.Id))!.Report;
        using (var word = await GetAsync(world.BoardPath(Year) + "&format=rollup-docx", supervisor, "text/html"))
        {
            Assert.Equal(HttpStatusCode.OK, word.StatusCode);
            Assert.Equal($"{world.Region.Id}-{Year}-rollup.docx", word.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            var summed = new PublishPipeline.Checking.DraftChecker().Check("rollup.docx", await word.Content.ReadAsByteArrayAsync()).Document.Report;
            static string Numbers(Dictionary<string, List<PublishPipeline.Reports.CellValue>>? table) =>
                string.Join("; ", table!.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
                    r.Key + ": " + string.Join(",", r.Value.Select(c => c.IsNumber ? c.Number.ToString(CultureInfo.InvariantCulture) : "_"))));
            Assert.Equal(Numbers(published.Tables.Requests), Numbers(summed.Tables.Requests));
            Assert.Equal(Numbers(published.Tables.ReviewLitigation), Numbers(summed.Tables.ReviewLitigation));
        }

        foreach (var format in new[] { "rollup-csv", "rollup-detail-csv" })
        {
            using var rollupCsv = await GetAsync(world.BoardPath(Year) + "&format=" + format, supervisor, "text/html");
            Assert.Equal(HttpStatusCode.OK, rollupCsv.StatusCode);
            Assert.Equal("text/csv", rollupCsv.Content.Headers.ContentType?.MediaType);
        }

        using (var otherRollup = await GetAsync(world.BoardPath(Year) + "&format=rollup-docx", world.OtherSupervisor, "text/html"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, otherRollup.StatusCode);
        }

        // The year before: the agency that published it late is last and says how late; the rest are overdue.
        using var lastYear = await GetAsync(world.BoardPath(Year - 1), supervisor, "text/html");
        var lastDom = new HtmlParser().ParseDocument(await lastYear.Content.ReadAsStringAsync());
        var lastRows = lastDom.QuerySelectorAll(".board-table tbody tr").ToList();
        Assert.Equal(world.LateLastYear.Id, lastRows[^1].GetAttribute("data-agency"));
        Assert.Equal(world.ExpectedLateText(), lastRows[^1].QuerySelector(".days")!.TextContent.Trim());
        Assert.All(lastRows.SkipLast(1), r => Assert.Contains("overdue", r.ClassList));
        Assert.Equal(world.Scheduled.Id, lastRows[^2].GetAttribute("data-agency")); // 县级: due two months later, fewer days overdue

        // Refused: another region's supervisor (403, in Chinese), anonymous (401), an unknown region (404), a bad year (400).
        using (var other = await GetAsync(world.BoardPath(Year), world.OtherSupervisor, "application/json"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
            Assert.Contains("不是「", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var anonymous = await GetAsync(world.BoardPath(Year), null, "text/html"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var unknown = await GetAsync("/api/regions/it-none-registered/board", supervisor, "application/json"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var badYear = await GetAsync($"/api/regions/{world.Region.Id}/board?year=1999", supervisor, "application/json"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
            Assert.Contains("报告年度", await badYear.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The landing page lists the caller's regions only.
        using var regions = await GetAsync("/api/regions", supervisor, "application/json");
        using var regionsJson = JsonDocument.Parse(await regions.Content.ReadAsStringAsync());
        Assert.Equal([world.Region.Id], regionsJson.RootElement.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        // Reading a status page of the region: allowed, without the reviewer's forms; another region's supervisor: 403.
        using (var status = await GetAsync($"/api/submissions/{world.AwaitingId}", supervisor, "text/html"))
        {
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            var statusDom = new HtmlParser().ParseDocument(await status.Content.ReadAsStringAsync());
            Assert.Empty(statusDom.QuerySelectorAll("form"));
        }

        using (var list = await GetAsync($"/api/agencies/{world.Awaiting.Id}/submissions", supervisor, "application/json"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        foreach (var path in new[] { $"/api/submissions/{world.AwaitingId}", $"/api/agencies/{world.Awaiting.Id}/submissions" })
        {
            using var refused = await GetAsync(path, world.OtherSupervisor, "application/json");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // Reading is all: the supervisor cannot approve, return or withdraw.
        foreach (var (action, body) in new (string, object?)[] { ("approve", null), ("return", new { comments = "请修改" }), ("withdraw", null) })
        {
            using var acted = await fixture.ActAsync(world.AwaitingId, action, supervisor, body);
            Assert.Equal(HttpStatusCode.Forbidden, acted.StatusCode);
        }

        Assert.Equal(SubmissionState.AwaitingReview, (await fixture.Submissions.GetAsync(world.AwaitingId))!.CurrentState);

        await SaveScreenshotsAsync(world);
    }

    [Fact(Timeout = 300_000)]
    public async Task The_weekly_digest_reaches_each_supervisor_once_on_its_weekday()
    {
        var world = await RegionInEveryStateAsync();

        // 2027-01-04 is a Monday (the default digest day) and no reminder day for any deadline; the 5th is a Tuesday.
        var monday = new DateOnly(2027, 1, 4);
        using (var tuesday = await fixture.SendAsync(HttpMethod.Post, "/_dev/deadlines?date=2027-01-05", null))
        {
            Assert.Equal(0, JsonDocument.Parse(await tuesday.Content.ReadAsStringAsync()).RootElement.GetProperty("supervisorDigests").GetInt32());
        }

        using (var run = await fixture.SendAsync(HttpMethod.Post, "/_dev/deadlines?date=2027-01-04", null))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
            Assert.True(JsonDocument.Parse(await run.Content.ReadAsStringAsync()).RootElement.GetProperty("supervisorDigests").GetInt32() >= 2);
        }

        var mail = Assert.Single(await WaitForDigestsAsync(world.Supervisor));
        Assert.Contains(world.Region.Name, mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"共 {world.Agencies.Count} 个机关报送 {Year} 年度报告", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"{fixture.ApiUrl}/api/regions/{world.Region.Id}/board?year={Year}&format=csv", mail.Text, StringComparison.Ordinal);
        Assert.Contains("未报送 2 · 需修改 1 · 校验中 0 · 待审核 1 · 已批准待发布 1 · 已发布 1", mail.Text, StringComparison.Ordinal);

        // The urgent ones first: the unpublished in the board's order; the published one is not listed.
        var positions = world.ExpectedOrder().SkipLast(1).Select(id => mail.Text.IndexOf(world.Agencies[id].Name + "：", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain(world.OnTime.Name + "：", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"{fixture.ApiUrl}/api/submissions/{world.AwaitingId}", mail.Html, StringComparison.Ordinal);

        // The other region's supervisor gets their own region's digest, which names none of these agencies.
        var other = Assert.Single(await WaitForDigestsAsync(world.OtherSupervisor));
        Assert.DoesNotContain(world.NeedsChanges.Name, other.Text, StringComparison.Ordinal);

        // The job runs again that week: the digest is found sent, not sent again.
        using (var signals = new PipelineSignals())
        {
            using var again = await fixture.SendAsync(HttpMethod.Post, "/_dev/deadlines?date=2027-01-04", null);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var key = $"{world.Region.Id}-{world.Supervisor}-2027W01";
            await signals.WaitForAsync("notify", "AlreadySent", key);
        }

        Assert.Single(await DigestsAsync(world.Supervisor));
        Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
    }

    // China has used UTC+8 without daylight saving since 1991.
    private static DateTimeOffset Beijing(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(8));

    private static DateOnly BeijingDate(DateTimeOffset instant) => DateOnly.FromDateTime(Beijing(instant).DateTime);

    private async Task<HttpResponseMessage> GetAsync(string path, string? user, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, fixture.ApiUrl + path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (user is not null)
        {
            request.Headers.Add("X-Dev-User", user);
        }

        return await fixture.Http.SendAsync(request);
    }

    private async Task<List<MailView>> DigestsAsync(string address) =>
        (await fixture.WaitForMailAsync(address, 0)).Where(m => m.Notice?.Contains(NoticeKind.SupervisorDigest, StringComparison.Ordinal) == true).ToList();

    private async Task<List<MailView>> WaitForDigestsAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var mails = await DigestsAsync(address);
            if (mails.Count > 0 || DateTime.UtcNow > deadline)
            {
                return mails;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Signs the supervisor in with the dev host's cookie, as the link <c>pubpipe dev</c> prints does, and shoots the board.</summary>
    private async Task SaveScreenshotsAsync(BoardWorld world)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = SiteFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
            Timeout = 30_000,
        });
        foreach (var (name, viewport) in new[] { ("desktop", Viewports.Desktop), ("mobile", Viewports.Mobile) })
        {
            await using var page = await BrowserPage.OpenAsync(browser, fixture.ApiUrl, viewport);
            var signIn = $"{fixture.ApiUrl}/_dev/login?user={Uri.EscapeDataString(world.Supervisor)}&next={Uri.EscapeDataString(world.BoardPath(Year))}";
            Assert.Equal(200, await page.GoToAsync(signIn));
            Assert.EndsWith(world.BoardPath(Year), page.Page.Url, StringComparison.Ordinal);
            Assert.Equal(world.Agencies.Count, await page.Page.Locator(".board-table tbody tr").CountAsync());
            await page.Page.EvaluateAsync("() => document.fonts.ready");

            Directory.CreateDirectory(ScreenshotTests.Directory);
            var file = Path.Combine(ScreenshotTests.Directory, $"board-{name}.png");
            var png = await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Type = ScreenshotType.Png });
            output.WriteLine($"{file}: {png.Length / 1024} KiB");
            Assert.True(png.Length > 10_000, $"{file} is only {png.Length} bytes: a blank page?");
            Assert.Empty(page.ForeignRequests);
            Assert.Empty(page.ScriptErrors);
        }
    }

    /// <summary>
    /// Registers a region with one supervisor, another region with another, and six agencies in the first: one that
    /// has not submitted, one whose real report needs changes, one awaiting review, a county whose report is approved
    /// for a later date, one published on time for the board year, and one that has only last year's report, published
    /// now, a year late.
    /// </summary>
    private async Task<BoardWorld> RegionInEveryStateAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var region = new SupervisedRegion
        {
            RowKey = "it-r-" + suffix, Name = "督导市" + suffix, Region = "测试省/督导市" + suffix, Office = "督导市政务公开办",
            Supervisors = $"supervisor-{suffix}@office.example",
        };
        var otherRegion = new SupervisedRegion
        {
            RowKey = "it-o-" + suffix, Name = "他市" + suffix, Region = "测试省/他市" + suffix, Office = "他市政务公开办",
            Supervisors = $"other-{suffix}@office.example",
        };
        await fixture.Host.Services.GetRequiredService<RegionDirectory>().ImportAsync([region, otherRegion]);

        var notSubmitted = await fixture.RegisterAgencyAsync("督导市统计局", autoPublish: false, region: region.Region);
        var needsChanges = await fixture.RegisterAgencyAsync("督导市教育局", autoPublish: false, region: region.Region + "/城东街道");
        var awaiting = await fixture.RegisterAgencyAsync("督导市文化和旅游局", autoPublish: false, region: region.Region);
        var scheduled = await fixture.RegisterAgencyAsync("督导市人民政府", level: "县级", autoPublish: false, region: region.Region);
        var onTime = await fixture.RegisterAgencyAsync("督导市司法局", autoPublish: true, region: region.Region);
        var lateLastYear = await fixture.RegisterAgencyAsync("督导市民政局", autoPublish: true, region: region.Region);
        await fixture.RegisterAgencyAsync("他市教育局", autoPublish: false, region: otherRegion.Region);

        var corpus = Path.Combine(DevHostFixture.RepoRoot, "..", "shared", "corpus", CorpusReportWithErrors);
        var changes = await fixture.SubmitDraftOkAsync(needsChanges, Year, CorpusReportWithErrors, await File.ReadAllBytesAsync(corpus));
        var review = await fixture.SubmitDraftOkAsync(awaiting, Year, "年报.docx", TestDrafts.Docx2021(awaiting.Name, year: Year));
        var approve = await fixture.SubmitDraftOkAsync(scheduled, Year, "年报.docx", TestDrafts.Docx2021(scheduled.Name, year: Year));
        var published = await fixture.SubmitDraftOkAsync(onTime, Year, "年报.docx", TestDrafts.Docx2021(onTime.Name, year: Year));
        var late = await fixture.SubmitDraftOkAsync(lateLastYear, Year - 1, "年报.docx", TestDrafts.Docx2021(lateLastYear.Name, year: Year - 1));

        var changed = await fixture.WaitForStateAsync(changes.Id, SubmissionState.NeedsChanges);
        Assert.True(changed.Errors > 0);
        await fixture.WaitForStateAsync(review.Id, SubmissionState.AwaitingReview);
        await fixture.WaitForStateAsync(approve.Id, SubmissionState.AwaitingReview);
        var scheduledAt = new DateTimeOffset(DateTimeOffset.UtcNow.AddDays(30).Date, TimeSpan.Zero).AddHours(1);
        using (var approved = await fixture.ActAsync(approve.Id, "approve", scheduled.ReviewerEmails[0], new { publishAt = scheduledAt.ToString("O", CultureInfo.InvariantCulture) }))
        {
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        }

        await fixture.WaitForStateAsync(approve.Id, SubmissionState.Approved);
        var onTimeVersion = await fixture.WaitForStateAsync(published.Id, SubmissionState.Published);
        var lateVersion = await fixture.WaitForStateAsync(late.Id, SubmissionState.Published);

        var agencies = new[] { notSubmitted, needsChanges, awaiting, scheduled, onTime, lateLastYear }.ToDictionary(a => a.Id);
        return new BoardWorld(
            region, otherRegion, agencies, notSubmitted, needsChanges, awaiting, scheduled, onTime, lateLastYear,
            changed.Errors, review.Id, scheduledAt, onTimeVersion.PublishedAt!.Value, lateVersion.PublishedAt!.Value);
    }

    private sealed record BoardWorld(
        SupervisedRegion Region,
        SupervisedRegion OtherRegion,
        IReadOnlyDictionary<string, Agency> Agencies,
        Agency NotSubmitted,
        Agency NeedsChanges,
        Agency Awaiting,
        Agency Scheduled,
        Agency OnTime,
        Agency LateLastYear,
        int NeedsChangesErrors,
        string AwaitingId,
        DateTimeOffset ScheduledAt,
        DateTimeOffset OnTimePublishedAt,
        DateTimeOffset LatePublishedAt)
    {
        public string Supervisor => Region.SupervisorEmails[0];

        public string OtherSupervisor => OtherRegion.SupervisorEmails[0];

        public string BoardPath(int year) => $"/api/regions/{Region.Id}/board?year={year}";

        /// <summary>
        /// The order the README defines, worked out here from the states and levels: the departments (due 1月31日)
        /// before the county (due 3月31日); among the departments, those with nothing for the year (by id), then the
        /// one that needs changes, then the one awaiting review; the published one last.
        /// </summary>
        public IReadOnlyList<string> ExpectedOrder() =>
        [
            .. new[] { NotSubmitted.Id, LateLastYear.Id }.Order(StringComparer.Ordinal),
            NeedsChanges.Id,
            Awaiting.Id,
            Scheduled.Id,
            OnTime.Id,
        ];

        /// <summary>The days-left text of a department's report for the board year, counted here from the Beijing date.</summary>
        public string ExpectedDeadlineText(string agencyId)
        {
            var deadline = new DateOnly(Year + 1, 1, 31);
            if (agencyId == OnTime.Id)
            {
                var late = BeijingDate(OnTimePublishedAt).DayNumber - deadline.DayNumber;
                return late > 0 ? $"逾期 {late} 天发布" : "按期发布";
            }

            var left = deadline.DayNumber - BeijingDate(DateTimeOffset.UtcNow).DayNumber;
            return left > 0 ? $"还剩 {left} 天" : left == 0 ? "今天截止" : $"已逾期 {-left} 天";
        }

        public string ExpectedLateText()
        {
            var late = BeijingDate(LatePublishedAt).DayNumber - new DateOnly(Year, 1, 31).DayNumber;
            return $"逾期 {late} 天发布";
        }
    }
}
