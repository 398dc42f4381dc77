using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Enumeration;
using PublishPipeline.Checking;
using PublishPipeline.Reports;
using PublishPipeline.Site.Model;
using PublishPipeline.Site.OpenData;

namespace PublishPipeline.Site.Build;

/// <summary>
/// Builds the whole public site from a folder of reports (<c>pubpipe site build</c>): contract JSON documents, as
/// <c>pubpipe validate --json</c> writes them, and drafts, which are read and checked first. It streams: documents are
/// read one agency at a time and dropped once its pages are written; only the facts every index lists
/// (<see cref="SiteReport"/>, about 1 KB each) stay for the index pages, which <see cref="SiteComposer"/> derives exactly
/// as the pipeline's publisher does.
/// <list type="number">
/// <item>Scan (parallel): each JSON file's year, agency name, dates and <c>publication</c> member, without building the
/// document; each draft read and checked, and left out with its first errors if it has any.</item>
/// <item>Plan: which agency and year each document is (the <c>publication</c> member's agency_id, else the directory entry
/// of the agency's name, else the file name's slug), its versions (<c>{slug}.v{n}.json</c> beside it) and dates.</item>
/// <item>Reports (parallel by agency): each report parsed once, its page rendered with the agency's previous year to
/// compare against, its JSON and table CSVs, its earlier versions, then the agency's page.</item>
/// <item>Indexes (parallel): year pages at every scope down to <see cref="SitePaths.YearListingDepth"/> and their CSVs,
/// the region tree, /reports/, home, 404, search, assets, feed, sitemaps, robots.txt.</item>
/// </list>
/// The output depends only on the input files (their contents, names and, for a report without any date, its file time)
/// and options, not on the order the file system lists them in.
/// </summary>
public sealed class FolderSiteBuilder
{
    private readonly SiteBuildOptions options;
    private readonly SitePages pages;
    private readonly DraftChecker checker;

    public FolderSiteBuilder(SiteBuildOptions? options = null)
        : this(options ?? new SiteBuildOptions(), new SitePages(), new DraftChecker())
    {
    }

    public FolderSiteBuilder(SiteBuildOptions options, SitePages pages, DraftChecker checker)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Jobs, 1);
        this.options = options;
        this.pages = pages;
        this.checker = checker;
    }

    /// <exception cref="DirectoryNotFoundException">The input folder does not exist.</exception>
    public async Task<SiteBuildResult> BuildAsync(string inputDirectory, ISiteOutput output, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inputDirectory);
        ArgumentNullException.ThrowIfNull(output);
        var input = Path.GetFullPath(inputDirectory);
        if (!Directory.Exists(input))
        {
            throw new DirectoryNotFoundException($"输入目录不存在：{input}");
        }

        var run = new BuildRun(options, new CountingOutput(output), cancellationToken);
        var phases = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        void Lap(string name)
        {
            phases.Add((name, clock.Elapsed));
            clock.Restart();
        }

        var scanned = await ScanAsync(input, run);
        Lap("scan");
        var plan = Plan(scanned, run);
        run.ReportLeftOut();
        Lap("plan");
        await RenderReportsAsync(plan, run);
        run.ReportLeftOut();
        Lap("reports");
        await RenderIndexesAsync(plan, run);
        Lap("indexes");

        var reports = plan.Sum(a => a.Described.Count);
        var versions = plan.Sum(a => a.Described.Sum(r => r.EarlierVersions.Count));
        return new SiteBuildResult(reports, versions, run.AgencyCount, run.Output.Count, run.AllLeftOut(), phases);
    }

    // ---- 1. scan ----

    private async Task<List<InputDocument>> ScanAsync(string input, BuildRun run)
    {
        var enumeration = new FileSystemEnumerable<(string FullPath, DateTimeOffset LastWrite)>(
            input,
            (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.LastWriteTimeUtc),
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && InputScanner.IsInput(entry.FileName.ToString()),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !entry.FileName.StartsWith(".", StringComparison.Ordinal),
        };

        // Sorted by path so that everything after (ties, left-out lines) is independent of the file system's order.
        var files = enumeration
            .Select(f => (f.FullPath, f.LastWrite, Relative: Path.GetRelativePath(input, f.FullPath).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToArray();
        var documents = new InputDocument?[files.Length];
        run.Progress?.Start("scan", files.Length);
        await Parallel.ForAsync(0, files.Length, run.Parallel, (i, ct) =>
        {
            var (fullPath, lastWrite, relative) = files[i];
            var (stem, slug, version) = InputScanner.Name(relative);
            var document = new InputDocument
            {
                RelativePath = relative,
                FullPath = fullPath,
                Stem = stem,
                NameSlug = slug,
                FileVersion = version,
                LastWriteUtc = lastWrite,
            };
            string? problem;
            byte[]? rented = null;
            try
            {
                var bytes = ReadPooled(fullPath, out rented);
                problem = relative.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                    ? InputScanner.ScanJson(bytes.Span, document)
                    : InputScanner.CheckDraft(checker, bytes, document);
            }
            catch (IOException e)
            {
                problem = "无法读取：" + e.Message;
            }
            catch (UnauthorizedAccessException e)
            {
                problem = "无法读取：" + e.Message;
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }

            if (problem is null)
            {
                documents[i] = document;
            }
            else
            {
                run.LeaveOut(relative, problem);
            }

            run.Progress?.Step();
            return ValueTask.CompletedTask;
        });

        return documents.Where(d => d is not null).ToList()!;
    }

    // ---- 2. plan ----

    private List<AgencyPlan> Plan(List<InputDocument> documents, BuildRun run)
    {
        var directory = options.Directory;
        var byStem = documents.GroupBy(d => d.Stem, StringComparer.Ordinal);
        var reports = new List<ReportPlan>();
        foreach (var group in byStem)
        {
            var live = group.SingleOrDefault(d => d.FileVersion is null);
            var earlier = group.Where(d => d.FileVersion is not null).OrderBy(d => d.FileVersion).ToList();
            if (live is null)
            {
                foreach (var orphan in earlier)
                {
                    run.LeaveOut(orphan.RelativePath, $"是第 {orphan.FileVersion} 版，但旁边没有现行版本 {Path.GetFileName(group.Key)}.json");
                }

                continue;
            }

            if (ResolveAgencyId(live, directory) is not { } agencyId)
            {
                run.LeaveOut(live.RelativePath, "无法确定发布机关：publication.agency_id 不是有效的机构编号");
                foreach (var version in earlier)
                {
                    run.LeaveOut(version.RelativePath, "其现行版本未能发布");
                }

                continue;
            }

            reports.Add(PlanReport(live, agencyId, earlier, run));
        }

        var agencies = new List<AgencyPlan>();
        foreach (var agencyReports in reports.GroupBy(r => r.AgencyId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var kept = new List<ReportPlan>();
            foreach (var sameYear in agencyReports.GroupBy(r => r.Year).OrderBy(g => g.Key))
            {
                // One page per (agency, year): the latest publication wins, then the higher version, then the first path.
                var ranked = sameYear
                    .OrderByDescending(r => r.PublishedAt)
                    .ThenByDescending(r => r.Version)
                    .ThenBy(r => r.Live.RelativePath, StringComparer.Ordinal)
                    .ToList();
                kept.Add(ranked[0]);
                foreach (var loser in ranked.Skip(1))
                {
                    run.LeaveOut(loser.Live.RelativePath, $"与 {ranked[0].Live.RelativePath} 是同一机关（{agencyReports.Key}）同一年度（{sameYear.Key}）的报告，保留了后者");
                }
            }

            agencies.Add(new AgencyPlan(Agency(agencyReports.Key, kept, directory), kept));
        }

        var planned = agencies.Select(a => a.Agency.Id).ToHashSet(StringComparer.Ordinal);
        run.AgencyCount = planned.Count + directory.Agencies.Count(a => !planned.Contains(a.Id));
        return agencies;
    }

    /// <summary>publication.agency_id, else the directory entry of the report's agency name, else the file name, else the name's hash.</summary>
    private static string? ResolveAgencyId(InputDocument document, SiteDirectory directory)
    {
        if (document.Facts?.AgencyId is { } given)
        {
            return Submissions.AgencyDirectory.IsValidId(given) ? given : null;
        }

        return directory.ByName(document.AgencyName)?.Id
            ?? document.NameSlug
            ?? (string.IsNullOrWhiteSpace(document.AgencyName) ? InputScanner.NameId(document.Stem) : InputScanner.NameId(document.AgencyName));
    }

    private static ReportPlan PlanReport(InputDocument live, string agencyId, List<InputDocument> earlierFiles, BuildRun run)
    {
        var facts = live.Facts;
        var liveVersion = facts?.Version ?? (earlierFiles.Count > 0 ? earlierFiles[^1].FileVersion!.Value + 1 : 1);
        var listed = (facts?.EarlierVersions ?? []).GroupBy(v => v.Version).ToDictionary(g => g.Key, g => g.First());
        var kept = new List<InputDocument>();
        foreach (var file in earlierFiles)
        {
            if (file.FileVersion >= liveVersion)
            {
                run.LeaveOut(file.RelativePath, $"版本号 {file.FileVersion} 不早于现行版本（第 {liveVersion} 版）");
            }
            else if (file.Year != live.Year)
            {
                run.LeaveOut(file.RelativePath, $"年度 {file.Year} 与现行版本的年度 {live.Year} 不同");
            }
            else
            {
                kept.Add(file);
            }
        }

        // A version is replaced when the next one went public; only versions with a file get a page and a link.
        var versions = new List<VersionPlan>();
        for (var i = 0; i < kept.Count; i++)
        {
            var file = kept[i];
            var n = file.FileVersion!.Value;
            listed.TryGetValue(n, out var entry);
            var publishedAt = entry?.PublishedAt ?? file.PublishedAt;
            var next = i + 1 < kept.Count ? kept[i + 1] : live;
            var replacedAt = entry?.ReplacedAt ?? (next == live ? live.PublishedAt : (listed.GetValueOrDefault(next.FileVersion!.Value)?.PublishedAt ?? next.PublishedAt));
            versions.Add(new VersionPlan(file, n, publishedAt, replacedAt));
        }

        var firstPublished = facts?.FirstPublishedAt
            ?? (versions.Count > 0 ? versions[0].PublishedAt : listed.Count > 0 ? listed.Values.Min(v => v.PublishedAt) : null);
        return new ReportPlan(live, agencyId, live.Year, liveVersion, live.PublishedAt, firstPublished, facts?.CorrectionNote, versions);
    }

    /// <summary>
    /// The directory's entry, else an agency made from its reports: the name in its latest report, the region in that
    /// report's publication member or guessed from the name (<see cref="RegionGuess"/>).
    /// </summary>
    private static SiteAgency Agency(string id, List<ReportPlan> reports, SiteDirectory directory)
    {
        if (directory.ById(id) is { } known)
        {
            return known;
        }

        var newestFirst = reports.OrderByDescending(r => r.Year).ToList();
        var named = newestFirst.FirstOrDefault(r => !string.IsNullOrWhiteSpace(r.Live.AgencyName)) ?? newestFirst[0];
        var name = named.Live.AgencyName?.Trim() is { Length: > 0 } n ? n : id;
        var region = named.Live.Facts?.Region is { } given && !string.IsNullOrWhiteSpace(given)
            ? RegionPath.Parse(given)
            : RegionGuess.FromAgencyName(name);
        return new SiteAgency(id, name, region, null);
    }

    // ---- 3. reports ----

    private async Task RenderReportsAsync(List<AgencyPlan> agencies, BuildRun run)
    {
        run.Progress?.Start("reports", agencies.Sum(a => a.Reports.Count));
        await Parallel.ForEachAsync(agencies, run.Parallel, async (agency, ct) =>
        {
            ReportDocument? previous = null;
            var previousYear = int.MinValue;
            foreach (var report in agency.Reports)
            {
                var document = Load(report.Live, run);
                if (document is null)
                {
                    run.Progress?.Step();
                    continue;
                }

                var earlier = report.Earlier.Select(v => new EarlierVersion(v.Version, v.PublishedAt, v.ReplacedAt)).ToArray();
                var comparedWith = previousYear == report.Year - 1 ? previous : null;
                var model = new ReportPageModel(document, agency.Agency.Id, agency.Agency.Name, report.PublishedAt, SubmissionId: "")
                {
                    FirstPublishedAt = report.FirstPublishedAt,
                    Region = agency.Agency.Region,
                    Version = report.Version,
                    EarlierVersions = earlier,
                    CorrectionNote = report.CorrectionNote,
                    Previous = comparedWith,
                    NextYearTemplateUrl = options.ApiBaseUrl is { } api ? new Addresses.PublicUrls(options.BaseUrl.ToString(), api.ToString()).AgencyTemplate(agency.Agency.Id, report.Year + 1) : null,
                };
                run.Write(await pages.ReportAsync(model, ct));
                run.Write(SitePaths.ReportData(report.Year, agency.Agency.Id), ReportJson.SerializeToUtf8(document), SiteFile.Json);
                foreach (var csv in TableCsv.For(document, report.Year, agency.Agency.Id))
                {
                    run.Write(csv);
                }

                foreach (var version in report.Earlier)
                {
                    if (Load(version.File, run) is not { } old)
                    {
                        continue;
                    }

                    run.Write(await pages.ReportAsync(model with
                    {
                        Document = old,
                        PublishedAt = version.PublishedAt,
                        Version = version.Version,
                        ReplacedAt = version.ReplacedAt,
                        FirstPublishedAt = null,
                        CorrectionNote = null,
                        NextYearTemplateUrl = null,
                    }, ct));
                    run.Write(SitePaths.VersionData(report.Year, agency.Agency.Id, version.Version), ReportJson.SerializeToUtf8(old), SiteFile.Json);
                }

                var described = SiteComposer.Describe(document, agency.Agency, report.Year, report.PublishedAt,
                    report.FirstPublishedAt, report.Version, earlier, report.CorrectionNote);
                agency.Described.Add(described);
                previous = document;
                previousYear = report.Year;
                run.Progress?.Step();
            }

            run.Write(await pages.AgencyAsync(SiteComposer.Agency(agency.Agency, agency.Described), ct));
        });
    }

    private static ReportDocument? Load(InputDocument input, BuildRun run)
    {
        byte[]? rented = null;
        try
        {
            var bytes = input.CheckedJson is { } checkedJson ? checkedJson : ReadPooled(input.FullPath, out rented);
            return ReportJson.Deserialize(bytes.Span);
        }
        catch (System.Text.Json.JsonException e)
        {
            run.LeaveOut(input.RelativePath, "不符合年度报告 JSON 格式：" + e.Message);
        }
        catch (IOException e)
        {
            run.LeaveOut(input.RelativePath, "无法读取：" + e.Message);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return null;
    }

    /// <summary>A file's bytes in a buffer from the shared pool (returned by the caller): a build reads every input twice.</summary>
    private static ReadOnlyMemory<byte> ReadPooled(string path, out byte[] rented)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
        {
            throw new IOException($"{path} is too large to be a report");
        }

        rented = ArrayPool<byte>.Shared.Rent((int)length);
        var read = 0;
        while (read < length)
        {
            var n = RandomAccess.Read(handle, rented.AsSpan(read, (int)length - read), read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return rented.AsMemory(0, read);
    }

    // ---- 4. indexes ----

    private async Task RenderIndexesAsync(List<AgencyPlan> plan, BuildRun run)
    {
        var reports = plan.SelectMany(a => a.Described).ToList();
        var reportsByAgency = plan.ToDictionary(a => a.Agency.Id, a => a.Described, StringComparer.Ordinal);
        var agencies = plan.Select(a => a.Agency)
            .Concat(options.Directory.Agencies.Where(a => !reportsByAgency.ContainsKey(a.Id)))
            .ToList();
        var counts = SiteComposer.CountYears(reports);
        var years = counts.Select(c => c.Year).ToArray();
        var work = new List<Func<CancellationToken, Task>>();

        // Year pages: each report counts at the root, its province and its city; a page gets its subtree's reports only.
        var subtrees = new Dictionary<YearScopePage, List<SiteReport>>();
        foreach (var report in reports)
        {
            foreach (var scope in SiteComposer.YearScopes(report.Region))
            {
                var key = new YearScopePage(report.Year, scope);
                if (!subtrees.TryGetValue(key, out var list))
                {
                    subtrees[key] = list = [];
                }

                list.Add(report);
            }
        }

        foreach (var (page, subtree) in subtrees)
        {
            work.Add(async ct => run.Write(await pages.YearAsync(SiteComposer.YearFromReports(page.Year, page.Scope, subtree, years), ct)));
            if (page.Scope.IsRoot || page.Scope.Depth == SitePaths.YearListingDepth)
            {
                work.Add(_ =>
                {
                    run.Write(YearCsv.For(page.Year, page.Scope, subtree));
                    return Task.CompletedTask;
                });
            }
        }

        // The region tree, from the directory's agencies and those the reports brought.
        var tree = SiteComposer.RegionTree(agencies.Select(a => a.Region));
        var childrenOf = tree.Where(r => !r.IsRoot).GroupBy(r => r.Parent).ToDictionary(g => g.Key, g => g.ToList());
        var agenciesAt = agencies.GroupBy(a => a.Region).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var region in tree)
        {
            var children = childrenOf.GetValueOrDefault(region) ?? [];
            var listed = agenciesAt.GetValueOrDefault(region) ?? [];
            work.Add(async ct => run.Write(await pages.RegionAsync(SiteComposer.Region(region, children,
                listed.Select(a => SiteComposer.Listing(a, reportsByAgency.GetValueOrDefault(a.Id) ?? []))), ct)));
        }

        foreach (var agency in agencies.Where(a => !reportsByAgency.ContainsKey(a.Id)))
        {
            work.Add(async ct => run.Write(await pages.AgencyAsync(SiteComposer.Agency(agency, []), ct)));
        }

        work.Add(async ct => run.Write(await pages.HomeAsync(SiteComposer.Home(reports, counts), ct)));
        work.Add(async ct => run.Write(await pages.YearsAsync(SiteComposer.Years(counts), ct)));
        work.Add(async ct => run.Write(await pages.NotFoundAsync(ct)));
        work.Add(async ct => run.Write(await pages.SearchAsync(ct)));
        work.Add(_ =>
        {
            foreach (var asset in SitePages.Assets)
            {
                run.Write(asset);
            }

            run.Write(AtomFeed.For(SiteComposer.Latest(reports, SiteComposer.FeedCount), options.BaseUrl));
            run.Write(Robots.For(options.BaseUrl));
            WriteSitemaps(run, agencies, reports, tree, subtrees.Keys);
            return Task.CompletedTask;
        });

        run.Progress?.Start("indexes", work.Count);
        await Parallel.ForEachAsync(work, run.Parallel, async (item, ct) =>
        {
            await item(ct);
            run.Progress?.Step();
        });
    }

    private void WriteSitemaps(BuildRun run, List<SiteAgency> agencies, List<SiteReport> reports, IReadOnlyList<RegionPath> regions, IEnumerable<YearScopePage> yearPages)
    {
        var agenciesIn = agencies.ToLookup(a => SiteComposer.SitemapOfAgency(a.Region));
        var reportsIn = reports.ToLookup(r => SiteComposer.SitemapOfAgency(r.Region));
        var regionsIn = regions.ToLookup(SiteComposer.SitemapOfScope);
        var yearPagesIn = yearPages.ToLookup(p => SiteComposer.SitemapOfScope(p.Scope));
        var sitemaps = agenciesIn.Select(g => g.Key)
            .Concat(reportsIn.Select(g => g.Key))
            .Concat(regionsIn.Select(g => g.Key))
            .Concat(yearPagesIn.Select(g => g.Key))
            .Append(SitePaths.TopSitemap)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var sitemap in sitemaps)
        {
            var urls = SiteComposer.SitemapUrls(sitemap, agenciesIn[sitemap], reportsIn[sitemap], regionsIn[sitemap], yearPagesIn[sitemap]);
            run.Write(Sitemaps.UrlSet(sitemap, urls, options.BaseUrl));
        }

        run.Write(Sitemaps.Index(sitemaps, options.BaseUrl));
    }

    // ---- the state of one build ----

    private sealed record ReportPlan(
        InputDocument Live,
        string AgencyId,
        int Year,
        int Version,
        DateTimeOffset PublishedAt,
        DateTimeOffset? FirstPublishedAt,
        string? CorrectionNote,
        List<VersionPlan> Earlier);

    private sealed record VersionPlan(InputDocument File, int Version, DateTimeOffset PublishedAt, DateTimeOffset ReplacedAt);

    /// <summary>An agency's reports, oldest year first (so each page has the previous year at hand), and their facts once rendered.</summary>
    private sealed record AgencyPlan(SiteAgency Agency, List<ReportPlan> Reports)
    {
        public List<SiteReport> Described { get; } = [];
    }

    private sealed class BuildRun(SiteBuildOptions options, CountingOutput output, CancellationToken cancellationToken)
    {
        private readonly ConcurrentQueue<LeftOutInput> pending = new();
        private readonly List<LeftOutInput> all = [];

        public CountingOutput Output { get; } = output;

        public SiteBuildProgress? Progress { get; } = options.Progress;

        public ParallelOptions Parallel { get; } = new() { MaxDegreeOfParallelism = options.Jobs, CancellationToken = cancellationToken };

        public int AgencyCount { get; set; }

        public void LeaveOut(string path, string reason) => pending.Enqueue(new LeftOutInput(path, reason));

        /// <summary>Hands the inputs left out since the last call to the caller, in path order.</summary>
        public void ReportLeftOut()
        {
            var batch = new List<LeftOutInput>();
            while (pending.TryDequeue(out var item))
            {
                batch.Add(item);
            }

            batch.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path) is var byPath and not 0 ? byPath : string.CompareOrdinal(a.Reason, b.Reason));
            all.AddRange(batch);
            foreach (var item in batch)
            {
                options.LeftOut?.Invoke(item);
            }
        }

        public List<LeftOutInput> AllLeftOut()
        {
            ReportLeftOut();
            return all;
        }

        public void Write(SiteFile file) => Output.Write(file.Path, file.Content.Span, file.ContentType);

        public void Write(string path, byte[] content, string contentType) => Output.Write(path, content, contentType);
    }

    private sealed class CountingOutput(ISiteOutput inner) : ISiteOutput
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Write(string path, ReadOnlySpan<byte> content, string contentType)
        {
            inner.Write(path, content, contentType);
            Interlocked.Increment(ref count);
        }
    }
}
