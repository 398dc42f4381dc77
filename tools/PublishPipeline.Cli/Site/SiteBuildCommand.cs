using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PublishPipeline.Site.Build;
using PublishPipeline.Site.Search;

namespace PublishPipeline.Cli.Site;

/// <summary>
/// <c>pubpipe site build --input DIR --out DIR [--agencies FILE.csv] [--base-url URL] [--no-search] [--jobs N]</c>:
/// builds the whole public site from a folder tree of contract JSON documents and drafts (see
/// <see cref="FolderSiteBuilder"/>). Each input left out is one line (file and why); a progress line every few seconds.
/// Exit 0 built (even with inputs left out), 1 a bad input folder or option, 2 built but the search index failed.
/// </summary>
public static class SiteBuildCommand
{
    public const int BadInputCode = 1;

    /// <summary>The site was built but Pagefind failed (not installed, or it refused the site).</summary>
    public const int SearchFailedCode = 2;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(3);

    public static Command Create()
    {
        var input = new Option<DirectoryInfo>("--input") { Description = "输入目录：年度报告 JSON 文档（pubpipe validate --json 的输出）和/或草稿（.docx .txt .html）", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "输出目录（网站文件写入此处）", Required = true };
        var agencies = new Option<FileInfo?>("--agencies") { Description = "机构名录 CSV（id,name,region,level）：机构编号、名称、地区、层级；地区页据此生成" };
        var baseUrl = new Option<string>("--base-url") { Description = "网站地址，用于订阅源、网站地图和 robots.txt 中的绝对链接", DefaultValueFactory = _ => SiteBuildOptions.DefaultBaseUrl.ToString() };
        var search = new Option<bool>("--search") { Description = "生成后用 Pagefind 建立全文检索索引（默认）", DefaultValueFactory = _ => true };
        var noSearch = new Option<bool>("--no-search") { Description = "不建立检索索引" };
        var jobs = new Option<int>("--jobs") { Description = "并行数（默认为处理器核数）", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("build", "由一个目录中的年度报告生成整个公开网站") { input, output, agencies, baseUrl, search, noSearch, jobs };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(input)!,
            parseResult.GetValue(output)!,
            parseResult.GetValue(agencies),
            parseResult.GetValue(baseUrl)!,
            parseResult.GetValue(search) && !parseResult.GetValue(noSearch),
            parseResult.GetValue(jobs),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(DirectoryInfo input, DirectoryInfo output, FileInfo? agencies, string baseUrl, bool search, int jobs,
                                           TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!input.Exists)
        {
            await stderr.WriteLineAsync($"输入目录不存在：{input.FullName}");
            return BadInputCode;
        }

        if (jobs < 1)
        {
            await stderr.WriteLineAsync("--jobs 应为正整数");
            return BadInputCode;
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            await stderr.WriteLineAsync($"--base-url 应为 http 或 https 的绝对地址：{baseUrl}");
            return BadInputCode;
        }

        var outFull = Path.GetFullPath(output.FullName);
        var inFull = Path.GetFullPath(input.FullName);
        if (IsInside(outFull, inFull) || IsInside(inFull, outFull))
        {
            await stderr.WriteLineAsync("输出目录与输入目录不能相互包含");
            return BadInputCode;
        }

        var directory = SiteDirectory.Empty;
        if (agencies is not null)
        {
            byte[] csv;
            try
            {
                csv = await File.ReadAllBytesAsync(agencies.FullName, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"无法读取机构名录：{agencies.FullName}（{e.Message}）");
                return BadInputCode;
            }

            (directory, var problems) = SiteDirectory.Read(csv);
            foreach (var problem in problems)
            {
                await stderr.WriteLineAsync(problem);
            }

            if (directory.Agencies.Count == 0)
            {
                await stderr.WriteLineAsync($"机构名录 {agencies.Name} 中没有可用的机构");
                return BadInputCode;
            }
        }

        var progress = new SiteBuildProgress();
        var options = new SiteBuildOptions
        {
            Directory = directory,
            BaseUrl = baseUri,
            Jobs = jobs,
            Progress = progress,
            LeftOut = item => stderr.WriteLine($"略去 {item}"),
        };

        var clock = Stopwatch.StartNew();
        using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporter = ReportProgressAsync(progress, clock, stdout, stopProgress.Token);
        SiteBuildResult result;
        try
        {
            result = await new FolderSiteBuilder(options).BuildAsync(inFull, new DirectoryOutput(outFull), cancellationToken);
        }
        finally
        {
            await stopProgress.CancelAsync();
            await reporter;
        }

        var built = clock.Elapsed;
        var leftOut = result.LeftOut.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"；略去 {result.LeftOut.Count:N0} 个输入文件") : "";
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"已生成 {result.Reports:N0} 份报告（另有 {result.EarlierVersions:N0} 个历史版本）、{result.Agencies:N0} 个机构，共 {result.Files:N0} 个文件，用时 {built.TotalSeconds:F1} 秒{leftOut}。"));
        await stdout.WriteLineAsync("各阶段用时：" + string.Join("，", result.Phases.Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{PhaseName(p.Phase)} {p.Elapsed.TotalSeconds:F2} 秒"))) +
            string.Create(CultureInfo.InvariantCulture,
                $"；垃圾回收 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} 次（0/1/2 代），暂停 {GC.GetTotalPauseDuration().TotalSeconds:F2} 秒"));

        if (search)
        {
            await stdout.WriteLineAsync("正在用 Pagefind 建立检索索引……");
            try
            {
                var indexed = await new PagefindIndexer().IndexAsync(outFull, cancellationToken);
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"检索索引已建立：{indexed.PagesIndexed:N0} 个页面，{indexed.FilesWritten:N0} 个文件，用时 {indexed.Elapsed.TotalSeconds:F1} 秒。"));
            }
            catch (PagefindException e)
            {
                await stderr.WriteLineAsync("网站已生成，但检索索引未能建立：" + e.Message);
                return SearchFailedCode;
            }
        }

        await stdout.WriteLineAsync($"网站目录：{outFull}");
        return 0;
    }

    private static bool IsInside(string path, string folder) =>
        path.Equals(folder, StringComparison.Ordinal) || path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static string PhaseName(string phase) => phase switch
    {
        "scan" => "读取",
        "plan" => "归并",
        "reports" => "报告页",
        "indexes" => "索引页",
        _ => phase,
    };

    /// <summary>A line every few seconds while the build runs: the phase, items done of total, and the rate.</summary>
    private static async Task ReportProgressAsync(SiteBuildProgress progress, Stopwatch clock, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(ProgressInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var done = progress.Done;
                var seconds = Math.Max(0.001, progress.PhaseElapsed.TotalSeconds);
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"[{clock.Elapsed.TotalSeconds,6:F1} 秒] {PhaseName(progress.Phase)}：{done:N0} / {progress.Total:N0}（每秒 {done / seconds:N0}）"));
            }
        }
        catch (OperationCanceledException)
        {
            // The build ended.
        }
    }
}
