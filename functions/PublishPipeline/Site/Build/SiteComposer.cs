using System.Globalization;
using PublishPipeline.Reports;
using PublishPipeline.Site.Model;
using PublishPipeline.Site.OpenData;
using PublishPipeline.Site.Views;

namespace PublishPipeline.Site.Build;

/// <summary>
/// Page models as pure functions of the facts they list. The full build (`pubpipe site build`) and the
/// pipeline's incremental publisher both derive every index page through these, from all the reports or from the
/// partition of the published table a page covers, so the two give identical pages. Every function sorts what it
/// returns (agencies by name in zh-CN collation then id, regions by key ordinal, years newest first, publications
/// newest first), so the same set of facts in any order gives an equal model.
/// </summary>
public static class SiteComposer
{
    /// <summary>How many publications the home page lists.</summary>
    public const int LatestCount = 20;

    /// <summary>How many publications the Atom feed carries.</summary>
    public const int FeedCount = 50;

    /// <summary>
    /// Chinese names in pinyin order (the zh-CN collation, each name's sort key computed once), as a reader of a Chinese
    /// list expects, then ordinally; the pages sort with the same order.
    /// </summary>
    public static IComparer<string> AgencyNameComparer { get; } = Comparer<string>.Create(ChineseOrder.Compare);

    /// <summary>Agencies by name (zh-CN collation), then id.</summary>
    public static IComparer<SiteAgency> AgencyOrder { get; } = Comparer<SiteAgency>.Create(CompareAgencies);

    /// <summary>Reports by agency name (zh-CN collation), then agency id, then year (newest first).</summary>
    public static IComparer<SiteReport> ReportOrder { get; } = Comparer<SiteReport>.Create(CompareReports);

    /// <summary>Publications newest first, then agency id, then year (newest first): the home page and the feed.</summary>
    public static IComparer<SiteReport> LatestOrder { get; } = Comparer<SiteReport>.Create(CompareLatest);

    // ---- year pages ----

    /// <summary>
    /// The scope of the year page of depth <paramref name="scopeDepth"/> (0 root, 1 province, 2 city =
    /// <see cref="SitePaths.YearListingDepth"/>) that counts a report of <paramref name="region"/>.
    /// </summary>
    public static RegionPath YearScope(RegionPath region, int scopeDepth)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentOutOfRangeException.ThrowIfNegative(scopeDepth);
        return region.Truncate(scopeDepth);
    }

    /// <summary>Every year-page scope that lists or counts a report of <paramref name="region"/>: root, province, city.</summary>
    public static IReadOnlyList<RegionPath> YearScopes(RegionPath region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var depth = Math.Min(region.Depth, SitePaths.YearListingDepth);
        var scopes = new RegionPath[depth + 1];
        for (var d = 0; d <= depth; d++)
        {
            scopes[d] = region.Truncate(d);
        }

        return scopes;
    }

    /// <summary>The sum of the reports' figures under one region (Figures.Reports = how many).</summary>
    public static RegionSummary Summarise(RegionPath region, IEnumerable<SiteReport> reports)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(reports);
        return new RegionSummary(region, ReportFigures.Sum(reports.Select(r => r.Figures)));
    }

    /// <summary>
    /// One year page from the parts it shows. Above <see cref="SitePaths.YearListingDepth"/>, <paramref name="children"/>
    /// are the sub-regions' sums and <paramref name="reportsAtScope"/> only the reports whose region is exactly the
    /// scope (a province's own departments); at or below it, <paramref name="children"/> is empty and
    /// <paramref name="reportsAtScope"/> holds every report in the scope's subtree. Total sums both.
    /// </summary>
    public static YearPageModel Year(int year, RegionPath scope, IEnumerable<RegionSummary> children,
                                     IEnumerable<SiteReport> reportsAtScope, IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(reportsAtScope);
        ArgumentNullException.ThrowIfNull(years);
        var regions = children.OrderBy(c => c.Region.Key, StringComparer.Ordinal).ToArray();
        var reports = reportsAtScope.Order(ReportOrder).ToArray();
        var total = ReportFigures.Sum(regions.Select(r => r.Figures).Concat(reports.Select(r => r.Figures)));
        return new YearPageModel(year, scope, regions, reports, total, YearsDescending(years));
    }

    /// <summary>
    /// <see cref="Year"/> from the reports of the scope's subtree (a full build has them all): reports of another
    /// year or outside the scope are ignored; above the listing depth the rest are grouped by child region.
    /// </summary>
    public static YearPageModel YearFromReports(int year, RegionPath scope, IEnumerable<SiteReport> reportsInSubtree, IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(reportsInSubtree);
        var inScope = reportsInSubtree.Where(r => r.Year == year && scope.Contains(r.Region));
        if (scope.Depth >= SitePaths.YearListingDepth)
        {
            return Year(year, scope, [], inScope, years);
        }

        var atScope = new List<SiteReport>();
        var byChild = new Dictionary<RegionPath, List<SiteReport>>();
        foreach (var report in inScope)
        {
            if (report.Region.Depth == scope.Depth)
            {
                atScope.Add(report);
                continue;
            }

            var child = report.Region.Truncate(scope.Depth + 1);
            if (!byChild.TryGetValue(child, out var list))
            {
                byChild[child] = list = [];
            }

            list.Add(report);
        }

        return Year(year, scope, byChild.Select(c => Summarise(c.Key, c.Value)), atScope, years);
    }

    // ---- years, home, feed ----

    /// <summary><c>/reports/</c>: years newest first (years without a report are left out).</summary>
    public static YearsPageModel Years(IEnumerable<YearCount> counts) => new(SortCounts(counts));

    /// <summary>How many live reports of <paramref name="year"/> there are among <paramref name="reports"/>, and how many are corrections.</summary>
    public static YearCount CountYear(int year, IEnumerable<SiteReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        int count = 0, corrections = 0;
        foreach (var report in reports)
        {
            if (report.Year != year)
            {
                continue;
            }

            count++;
            if (report.IsCorrection)
            {
                corrections++;
            }
        }

        return new YearCount(year, count, corrections);
    }

    /// <summary>Every year's count from the reports, newest first.</summary>
    public static IReadOnlyList<YearCount> CountYears(IEnumerable<SiteReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var counts = new Dictionary<int, (int Reports, int Corrections)>();
        foreach (var report in reports)
        {
            counts.TryGetValue(report.Year, out var c);
            counts[report.Year] = (c.Reports + 1, c.Corrections + (report.IsCorrection ? 1 : 0));
        }

        return SortCounts(counts.Select(c => new YearCount(c.Key, c.Value.Reports, c.Value.Corrections)));
    }

    /// <summary>Home: the <see cref="LatestCount"/> latest publications among <paramref name="candidates"/> and the year counts.</summary>
    public static HomePageModel Home(IEnumerable<SiteReport> candidates, IEnumerable<YearCount> years) =>
        new(Latest(candidates, LatestCount), SortCounts(years));

    /// <summary>
    /// The <paramref name="count"/> latest publications (a correction counts from its own publication), newest first,
    /// ties by agency id then year. A candidate set may be any superset of the true latest ones (e.g. each partition's own
    /// latest): the result is the same.
    /// </summary>
    public static IReadOnlyList<SiteReport> Latest(IEnumerable<SiteReport> candidates, int count)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return [];
        }

        // A bounded max-heap keyed on LatestOrder keeps the builder's memory flat whatever the number of candidates.
        var heap = new PriorityQueue<SiteReport, SiteReport>(count + 1, Comparer<SiteReport>.Create((a, b) => CompareLatest(b, a)));
        foreach (var candidate in candidates)
        {
            heap.Enqueue(candidate, candidate);
            if (heap.Count > count)
            {
                heap.Dequeue();
            }
        }

        var latest = new SiteReport[heap.Count];
        for (var i = latest.Length - 1; i >= 0; i--)
        {
            latest[i] = heap.Dequeue();
        }

        return latest;
    }

    // ---- regions and agencies ----

    /// <summary>
    /// A node of the region tree: its child regions (each once, by key) and the agencies that sit exactly at it with the
    /// years they have published (newest first).
    /// </summary>
    public static RegionPageModel Region(RegionPath scope, IEnumerable<RegionPath> children, IEnumerable<AgencyListing> agenciesAtScope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(agenciesAtScope);
        var regions = children.Distinct().OrderBy(c => c.Key, StringComparer.Ordinal).ToArray();
        var agencies = agenciesAtScope
            .Select(a => a with { Years = YearsDescending(a.Years) })
            .OrderBy(a => a.Agency, AgencyOrder)
            .ToArray();
        return new RegionPageModel(scope, regions, agencies);
    }

    /// <summary>The child regions of <paramref name="scope"/> that lead to any of <paramref name="regions"/> (each once, by key).</summary>
    public static IReadOnlyList<RegionPath> ChildRegions(RegionPath scope, IEnumerable<RegionPath> regions)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(regions);
        return regions
            .Where(r => r.Depth > scope.Depth && scope.Contains(r))
            .Select(r => r.Truncate(scope.Depth + 1))
            .Distinct()
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Every region that has a page for these agencies' regions: each region and all its ancestors, root included, by key.</summary>
    public static IReadOnlyList<RegionPath> RegionTree(IEnumerable<RegionPath> agencyRegions)
    {
        ArgumentNullException.ThrowIfNull(agencyRegions);
        var all = new HashSet<RegionPath> { RegionPath.Root };
        foreach (var region in agencyRegions)
        {
            for (var d = region.Depth; d > 0 && all.Add(region.Truncate(d)); d--)
            {
            }
        }

        return all.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray();
    }

    /// <summary>An agency as a region page lists it: the years among <paramref name="reports"/> that are its own.</summary>
    public static AgencyListing Listing(SiteAgency agency, IEnumerable<SiteReport> reports)
    {
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(reports);
        return new AgencyListing(agency, YearsDescending(reports.Where(r => r.AgencyId == agency.Id).Select(r => r.Year)));
    }

    /// <summary>One agency's page: its live reports (others' are ignored), newest year first.</summary>
    public static AgencyPageModel Agency(SiteAgency agency, IEnumerable<SiteReport> reports)
    {
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(reports);
        var own = reports
            .Where(r => r.AgencyId == agency.Id)
            .OrderByDescending(r => r.Year)
            .ThenByDescending(r => r.Version)
            .DistinctBy(r => r.Year)
            .ToArray();
        return new AgencyPageModel(agency, own);
    }

    // ---- one report ----

    /// <summary>
    /// The facts every index lists about one live report. The page's year is <paramref name="year"/> (the year it was
    /// submitted for), whatever the document says; the agency's name and region come from <paramref name="agency"/>
    /// (the directory), not from the draft. The title falls back to the national format's
    /// "{year}年{name}政府信息公开工作年度报告" when the report has none.
    /// </summary>
    public static SiteReport Describe(
        ReportDocument document,
        SiteAgency agency,
        int year,
        DateTimeOffset publishedAt,
        DateTimeOffset? firstPublishedAt = null,
        int version = 1,
        IReadOnlyList<EarlierVersion>? earlierVersions = null,
        string? correctionNote = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(agency);
        var report = document.Report;
        return new SiteReport
        {
            AgencyId = agency.Id,
            AgencyName = agency.Name,
            Region = agency.Region,
            Year = year,
            Title = Title(report.Title, year, agency.Name),
            Template = report.Template,
            PublishedAt = publishedAt,
            FirstPublishedAt = firstPublishedAt,
            Version = version,
            EarlierVersions = earlierVersions is null ? [] : [.. earlierVersions.OrderBy(v => v.Version)],
            CorrectionNote = string.IsNullOrWhiteSpace(correctionNote) ? null : correctionNote.Trim(),
            Figures = ReportFigures.Of(report),
        };
    }

    /// <summary>The report's own title, or the national format's title for the agency and year.</summary>
    public static string Title(string? reportTitle, int year, string agencyName) =>
        string.IsNullOrWhiteSpace(reportTitle)
            ? string.Create(CultureInfo.InvariantCulture, $"{year}年{agencyName}政府信息公开工作年度报告")
            : reportTitle.Trim();

    // ---- sitemaps ----
    //
    // sitemap.xml is an index over SitePaths.TopSitemap and one sitemap per city-level region, so a publication
    // rewrites the one small sitemap of its city (and the top one only when a year or province page first appears).
    // - The top sitemap: home, /reports/, /regions/, the year pages of the country and of each province, the region
    //   pages of the provinces, and the agencies (with their reports) that sit at no region at all.
    // - A region sitemap (SitePaths.RegionSitemap of a region cut to the city level): the pages of every agency whose
    //   region lies in it (agency page, report pages, earlier versions), its region pages at city level and below, and
    //   its city year pages. An agency of a province itself (a 厅) sits in its province's sitemap, sitemaps/浙江省.xml.
    // Report pages carry their publication time as lastmod, earlier versions the time they were replaced, agency pages
    // the latest of their reports; index pages carry none (they change with every publication under them, and a
    // lastmod that any one of a thousand reports moves tells a crawler nothing), which also keeps a publication from
    // rewriting the top sitemap.

    /// <summary>The sitemap that lists an agency's pages (its page, its reports and their versions).</summary>
    public static string SitemapOfAgency(RegionPath agencyRegion)
    {
        ArgumentNullException.ThrowIfNull(agencyRegion);
        return agencyRegion.IsRoot ? SitePaths.TopSitemap : SitePaths.RegionSitemap(agencyRegion.Truncate(SitePaths.YearListingDepth));
    }

    /// <summary>The sitemap that lists the region page and year pages of <paramref name="scope"/>.</summary>
    public static string SitemapOfScope(RegionPath scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Depth < SitePaths.YearListingDepth ? SitePaths.TopSitemap : SitePaths.RegionSitemap(scope.Truncate(SitePaths.YearListingDepth));
    }

    /// <summary>Every year page the reports imply: each report's year at the root, its province and its city.</summary>
    public static IReadOnlyList<YearScopePage> YearPages(IEnumerable<SiteReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var pages = new HashSet<YearScopePage>();
        foreach (var report in reports)
        {
            foreach (var scope in YearScopes(report.Region))
            {
                pages.Add(new YearScopePage(report.Year, scope));
            }
        }

        return pages.OrderByDescending(p => p.Year).ThenBy(p => p.Scope.Key, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The URLs of sitemap <paramref name="sitemap"/> (<see cref="SitePaths.TopSitemap"/> or a
    /// <see cref="SitePaths.RegionSitemap"/>), from any superset of the facts it lists: items that belong to another
    /// sitemap are ignored, so a publication can pass just its city's agencies, reports, regions and year pages (and
    /// the full build everything). Sorted by URL, ordinally.
    /// </summary>
    public static IReadOnlyList<SitemapUrl> SitemapUrls(
        string sitemap,
        IEnumerable<SiteAgency> agencies,
        IEnumerable<SiteReport> reports,
        IEnumerable<RegionPath> regions,
        IEnumerable<YearScopePage> yearPages)
    {
        ArgumentException.ThrowIfNullOrEmpty(sitemap);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(yearPages);
        var urls = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        if (sitemap == SitePaths.TopSitemap)
        {
            urls["/"] = null;
            urls[SitePaths.YearsUrl] = null;
            urls[SitePaths.RegionsUrl] = null;
        }

        var latestByAgency = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            if (SitemapOfAgency(report.Region) != sitemap)
            {
                continue;
            }

            urls[SitePaths.ReportUrl(report.Year, report.AgencyId)] = report.PublishedAt;
            foreach (var version in report.EarlierVersions)
            {
                urls[SitePaths.VersionUrl(report.Year, report.AgencyId, version.Version)] = version.ReplacedAt;
            }

            if (!latestByAgency.TryGetValue(report.AgencyId, out var latest) || report.PublishedAt > latest)
            {
                latestByAgency[report.AgencyId] = report.PublishedAt;
            }
        }

        foreach (var agency in agencies)
        {
            if (SitemapOfAgency(agency.Region) == sitemap)
            {
                urls[SitePaths.AgencyUrl(agency.Id)] = latestByAgency.TryGetValue(agency.Id, out var latest) ? latest : null;
            }
        }

        foreach (var region in regions)
        {
            if (SitemapOfScope(region) == sitemap)
            {
                urls[SitePaths.RegionUrl(region)] = null;
            }
        }

        foreach (var page in yearPages)
        {
            if (page.Scope.Depth <= SitePaths.YearListingDepth && SitemapOfScope(page.Scope) == sitemap)
            {
                urls[SitePaths.YearUrl(page.Year, page.Scope)] = null;
            }
        }

        return urls.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => new SitemapUrl(u.Key, u.Value)).ToArray();
    }

    // ---- helpers ----

    private static int[] YearsDescending(IEnumerable<int> years) => years.Distinct().OrderDescending().ToArray();

    private static YearCount[] SortCounts(IEnumerable<YearCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Where(c => c.Reports > 0).OrderByDescending(c => c.Year).ToArray();
    }

    private static int CompareAgencies(SiteAgency? a, SiteAgency? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? -1 : 1;
        }

        var byName = AgencyNameComparer.Compare(a.Name, b.Name);
        return byName != 0 ? byName : string.CompareOrdinal(a.Id, b.Id);
    }

    private static int CompareReports(SiteReport? a, SiteReport? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? -1 : 1;
        }

        var byName = AgencyNameComparer.Compare(a.AgencyName, b.AgencyName);
        if (byName != 0)
        {
            return byName;
        }

        var byId = string.CompareOrdinal(a.AgencyId, b.AgencyId);
        return byId != 0 ? byId : b.Year.CompareTo(a.Year);
    }

    private static int CompareLatest(SiteReport? a, SiteReport? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? -1 : 1;
        }

        var byDate = b.PublishedAt.CompareTo(a.PublishedAt);
        if (byDate != 0)
        {
            return byDate;
        }

        var byId = string.CompareOrdinal(a.AgencyId, b.AgencyId);
        return byId != 0 ? byId : b.Year.CompareTo(a.Year);
    }
}
