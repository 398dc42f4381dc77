using PublishPipeline.Site;
using PublishPipeline.Site.Build;

namespace PublishPipeline.IntegrationTests.Site.Fixture;

/// <summary>
/// Builds the test site as <c>pubpipe site build --input DIR --out DIR --agencies CSV --base-url URL</c> does, in
/// process: the folder builder, then the search index. Nothing may be left out: every input of the plan is valid.
/// </summary>
public static class TestSiteBuild
{
    public static async Task<SiteBuildResult> RunAsync(string input, string agenciesCsv, string output, string baseUrl, CancellationToken cancellationToken)
    {
        var (directory, problems) = SiteDirectory.Read(await File.ReadAllBytesAsync(agenciesCsv, cancellationToken));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("the site build refused the test agency directory: " + string.Join("; ", problems));
        }

        var builder = new FolderSiteBuilder(new SiteBuildOptions { Directory = directory, BaseUrl = new Uri(baseUrl) });
        var result = await builder.BuildAsync(input, new DirectoryOutput(output), cancellationToken);
        if (result.LeftOut.Count > 0)
        {
            throw new InvalidOperationException("the site build left out test reports: " + string.Join("; ", result.LeftOut));
        }

        await IndexForSearchAsync(output, cancellationToken);
        return result;
    }

    /// <summary>TEMPORARY until PagefindIndexer lands: Pagefind's extended binary from node_modules, as the indexer runs it.</summary>
    private static async Task IndexForSearchAsync(string site, CancellationToken cancellationToken)
    {
        var binary = Path.Combine(SiteFixture.RepoRoot, "node_modules", "@pagefind", "linux-x64", "bin", "pagefind_extended");
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is missing: run `npm ci --ignore-scripts` at the repository root");
        }

        var run = await ProcessRun.RunAsync(
            binary,
            ["--site", site, "--output-path", Path.Combine(site, SitePaths.SearchBundle.TrimEnd('/')), "--force-language", "zh-cn"],
            TimeSpan.FromMinutes(2));
        cancellationToken.ThrowIfCancellationRequested();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"pagefind failed ({run.ExitCode}): {run.StandardOutput}\n{run.StandardError}");
        }
    }
}
