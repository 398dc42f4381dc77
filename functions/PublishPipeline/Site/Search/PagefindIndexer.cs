using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace PublishPipeline.Site.Search;

/// <summary>
/// Builds the site's search index with Pagefind (npm <c>pagefind</c>, pinned in package.json): its extended binary,
/// which segments Chinese, run as a process over a folder of rendered pages.
/// </summary>
/// <remarks>
/// <para>Options, from <c>pagefind_extended --help</c> (1.6.0):
/// <c>--force-language zh-cn</c> puts every page in one Chinese index with Chinese word segmentation even if a page
/// lacks <c>lang="zh-CN"</c> (without it such a page is indexed as "unknown" and its Chinese text as a few long
/// "words"); <c>--exclude-selectors</c> with <see cref="ExcludeSelectors"/> (tables by default).
/// <c>--max-fragments</c> is deliberately not used: it bundles page fragments into shared files whose membership
/// shifts when pages are added (measured: adding 2 pages to 1,000 rewrote 167 of 200 bundles, against 2 new fragment
/// files unbundled), and a search then downloads whole bundles; unbundled, fragment names are content hashes, so an
/// upload by content hash writes only the fragments of changed pages (plus the index chunks, which change on every
/// run either way). Pagefind indexes only the elements marked <c>data-pagefind-body</c> once any page has one, and
/// strips <c>index.html</c> from result URLs, matching the site's directory URLs.</para>
/// <para>Cost, measured on 1,000 rendered report pages of ~24 KB: with these options ~8–9 s of CPU and 0.73 GB of
/// memory (tables included: 1.07 GB); memory grows linearly with the pages (3,000 pages with tables: 3.1 GB), as
/// Pagefind holds the whole index in memory. One index of a national site (100,000 reports) is beyond one process.</para>
/// <para>Pagefind never deletes files of an earlier run, and its file names are content hashes, so re-indexing in
/// place would leave every stale fragment behind. The bundle is therefore written to a fresh folder inside the site
/// and swapped in for <c>pagefind/</c> when Pagefind succeeds; a failed run leaves the previous bundle untouched.</para>
/// </remarks>
public sealed class PagefindIndexer
{
    /// <summary>The binary's file name in the npm package (<c>@pagefind/{os}-{arch}/bin/</c>) and in the app's own copy.</summary>
    public static readonly string BinaryName = OperatingSystem.IsWindows() ? "pagefind_extended.exe" : "pagefind_extended";

    /// <summary>Where the Functions app ships its copy, relative to the app's base directory (see its .csproj).</summary>
    public const string ShippedDirectory = "pagefind";

    public const string Language = "zh-cn";

    /// <summary>
    /// CSS selectors Pagefind leaves out of the index. Tables by default: their labels are the same on every report,
    /// so a search for "予以公开" would match every page, and their numbers are not what people search for; leaving
    /// them out takes a third off Pagefind's memory and a fifth or more off its CPU time (1,000 report pages: 0.73 GB
    /// and 7.5–8.7 s of CPU against 1.07 GB and 9.5–11.5 s). Null or empty indexes everything inside
    /// <c>data-pagefind-body</c>.
    /// </summary>
    public string? ExcludeSelectors { get; init; } = "table";

    private readonly string? binaryPath;

    /// <param name="binaryPath">The Pagefind extended binary; null to find it with <see cref="FindBinary"/> on first use.</param>
    public PagefindIndexer(string? binaryPath = null)
    {
        this.binaryPath = binaryPath;
    }

    /// <summary>
    /// The Pagefind extended binary: <c>node_modules/@pagefind/{os}-{arch}/bin/pagefind_extended</c> in
    /// <paramref name="startDirectory"/> or a folder above it, else the copy shipped beside the app
    /// (<c>{AppContext.BaseDirectory}/pagefind/pagefind_extended</c>), else node_modules above the app's directory or
    /// the current directory. Null when there is none.
    /// </summary>
    public static string? FindBinary(string? startDirectory = null) =>
        FindBinary(startDirectory, AppContext.BaseDirectory, Environment.CurrentDirectory);

    internal static string? FindBinary(string? startDirectory, string appDirectory, string currentDirectory)
    {
        if (startDirectory is not null && InNodeModulesAbove(startDirectory) is { } fromStart)
        {
            return fromStart;
        }

        var shipped = Path.Combine(appDirectory, ShippedDirectory, BinaryName);
        if (File.Exists(shipped))
        {
            return Path.GetFullPath(shipped);
        }

        return InNodeModulesAbove(appDirectory) ?? InNodeModulesAbove(currentDirectory);
    }

    /// <summary>
    /// Indexes the pages under <paramref name="siteDirectory"/> into <c>siteDirectory/pagefind/</c> (replacing the
    /// bundle there). Throws <see cref="PagefindException"/> with Pagefind's output when the binary is missing or the
    /// run fails (an empty site is a failure: Pagefind writes no index for it).
    /// </summary>
    public async Task<PagefindResult> IndexAsync(string siteDirectory, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siteDirectory);
        var site = Path.GetFullPath(siteDirectory);
        if (!Directory.Exists(site))
        {
            throw new DirectoryNotFoundException($"no site to index at {site}");
        }

        var binary = binaryPath ?? FindBinary()
            ?? throw new PagefindException(
                $"Pagefind is not installed: no {BinaryName} under node_modules/@pagefind/{PlatformPackage}/bin/ above the app or the " +
                $"current directory, nor in {Path.Combine(AppContext.BaseDirectory, ShippedDirectory)}. Run `npm ci --ignore-scripts` in the repository.");
        if (!File.Exists(binary))
        {
            throw new PagefindException($"Pagefind is not installed: {binary} does not exist. Run `npm ci --ignore-scripts` in the repository.");
        }

        binary = Executable(binary);
        var bundle = Path.Combine(site, SitePaths.SearchBundle.TrimEnd('/'));
        var staging = Path.Combine(site, ".pagefind-" + Guid.NewGuid().ToString("N"));
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await RunAsync(binary, Arguments(site, staging), site, staging, ct).ConfigureAwait(false);
            var pages = PagesIn(staging);
            var files = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Count();
            if (Directory.Exists(bundle))
            {
                Directory.Delete(bundle, recursive: true);
            }

            Directory.Move(staging, bundle);
            return new PagefindResult(pages, files, stopwatch.Elapsed, bundle);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private List<string> Arguments(string site, string output)
    {
        var arguments = new List<string> { "--site", site, "--output-path", output, "--force-language", Language };
        if (!string.IsNullOrWhiteSpace(ExcludeSelectors))
        {
            arguments.Add("--exclude-selectors");
            arguments.Add(ExcludeSelectors);
        }

        return arguments;
    }

    private static async Task RunAsync(string binary, IReadOnlyList<string> arguments, string site, string output, CancellationToken ct)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = site,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PagefindException($"Pagefind could not be started ({binary}): {e.Message}", e);
        }

        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ours to stop: the caller gave up. Wait for it to go before the staging folder is deleted under it.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var (printed, errors) = (await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        if (process.ExitCode != 0 || !File.Exists(Path.Combine(output, "pagefind-entry.json")))
        {
            throw new PagefindException(
                $"Pagefind failed on {site} (exit code {process.ExitCode.ToString(CultureInfo.InvariantCulture)}): {Distinct(errors)}\n{Tail(printed)}".TrimEnd());
        }
    }

    /// <summary>Pages in the index, from the bundle's own entry file (the sum over its languages).</summary>
    private static int PagesIn(string bundle)
    {
        using var stream = File.OpenRead(Path.Combine(bundle, "pagefind-entry.json"));
        using var entry = JsonDocument.Parse(stream);
        return entry.RootElement.GetProperty("languages").EnumerateObject().Sum(l => l.Value.GetProperty("page_count").GetInt32());
    }

    /// <summary>
    /// The binary itself when it may be run; else (a copy deployed from a zip that dropped the execute bit, on a
    /// read-only package mount) a copy in the temp folder made executable.
    /// </summary>
    private static string Executable(string binary)
    {
        if (OperatingSystem.IsWindows() || (File.GetUnixFileMode(binary) & UnixFileMode.UserExecute) != 0)
        {
            return binary;
        }

        var copy = Path.Combine(Path.GetTempPath(), "pagefind-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture), BinaryName);
        if (!File.Exists(copy) || new FileInfo(copy).Length != new FileInfo(binary).Length)
        {
            // Copied under a unique name and renamed over: another index run may be executing the previous copy.
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            var partial = copy + "." + Guid.NewGuid().ToString("N");
            File.Copy(binary, partial);
            File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.Move(partial, copy, overwrite: true);
        }

        return copy;
    }

    private static string? InNodeModulesAbove(string directory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", "@pagefind", PlatformPackage, "bin", BinaryName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The npm package npm installs for this machine: @pagefind/linux-x64, darwin-arm64, windows-x64 …</summary>
    private static string PlatformPackage
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsFreeBSD() ? "freebsd" : "linux";
            var arch = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x64";
            return $"{os}-{arch}";
        }
    }

    private static string Distinct(string text) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal));

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 12)));
    }
}
